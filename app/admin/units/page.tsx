import type { Metadata } from "next";
import { UnitsAdmin } from "@/components/admin/UnitsAdmin";
import { listUnitsForAdmin } from "@/workflow/admin-units";
import { adminPageData } from "../admin-page-data";

export const metadata: Metadata = { title: "Enheter" };
export const dynamic = "force-dynamic";

export default async function AdminUnitsPage() {
  const units = await adminPageData("/admin/units", listUnitsForAdmin);
  return (
    <>
      <h1>Enheter</h1>
      <UnitsAdmin units={units} />
    </>
  );
}
