import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";
import { NewStatementForm } from "@/components/NewStatementForm";
import { canCreateStatement } from "@/domain/access";
import { getDb } from "@/workflow/app-services";
import { organisationUnits } from "@/workflow/statements";
import { templateOptions } from "@/workflow/templates";

export const metadata: Metadata = { title: "Nytt tjänsteutlåtande" };
export const dynamic = "force-dynamic";

export default async function NewStatementPage() {
  const user = await requirePageUser("/statements/new");
  const mayCreate = canCreateStatement(user);
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page">
        <h1>Nytt tjänsteutlåtande</h1>
        {mayCreate ? (
          <>
            <p>
              Utlåtandet skapas från den mall du väljer, med alla dess avsnitt och deras starttext. Ändras
              mallen senare påverkar det inte utlåtandet.
            </p>
            <NewStatementForm
              units={await organisationUnits(await getDb(), user)}
              templates={await templateOptions(await getDb(), user)}
            />
          </>
        ) : (
          <p className="notice">
            Du har inte behörighet att skapa tjänsteutlåtanden. Det kan handläggare och chefer göra.{" "}
            <Link href="/">Till listan</Link>
          </p>
        )}
      </main>
    </>
  );
}
