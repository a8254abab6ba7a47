import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/admin/SetupForm";
import { getDb } from "@/workflow/app-services";
import { awaitsSetUp } from "@/workflow/first-admin";

export const metadata: Metadata = { title: "Kom igång" };
export const dynamic = "force-dynamic";

/** The first-run page: only while the database has no account; afterwards it leads to the login. */
export default async function SetupPage() {
  if (!(await awaitsSetUp(await getDb()))) redirect("/login");
  return (
    <main id="main" className="page">
      <h1>Kom igång med Beredning</h1>
      <p>
        Skapa organisationen och den första administratören. Sedan loggar du in och lägger upp enheter och
        användare.
      </p>
      <SetupForm />
    </main>
  );
}
