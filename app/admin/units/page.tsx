import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { UnitsAdmin } from "@/components/admin/UnitsAdmin";
import { listUnitsForAdmin } from "@/workflow/admin-units";
import { getDb } from "@/workflow/app-services";

export const metadata: Metadata = { title: "Enheter" };
export const dynamic = "force-dynamic";

export default async function AdminUnitsPage() {
  const user = await requirePageUser("/admin/units");
  const units = await listUnitsForAdmin(await getDb(), user);
  if (!units.ok) forbidden();
  return (
    <>
      <h1>Enheter</h1>
      <UnitsAdmin units={units.value} />
    </>
  );
}
