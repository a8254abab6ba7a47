import type { Metadata } from "next";
import { requirePageUser } from "@/auth/current-user";
import { UnitsAdmin } from "@/components/admin/UnitsAdmin";
import { getDb } from "@/db/client";
import { listAdminUnits } from "@/db/queries/admin-units";

export const metadata: Metadata = { title: "Enheter" };
export const dynamic = "force-dynamic";

export default async function AdminUnitsPage() {
  const user = await requirePageUser("/admin/units");
  return (
    <>
      <h1>Enheter</h1>
      <UnitsAdmin units={await listAdminUnits(await getDb(), user.organisationId)} />
    </>
  );
}
