import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { TemplateEditor } from "@/components/admin/TemplateEditor";
import { listUnitsForAdmin } from "@/workflow/admin-units";
import { getDb } from "@/workflow/app-services";

export const metadata: Metadata = { title: "Ny mall" };
export const dynamic = "force-dynamic";

export default async function NewTemplatePage() {
  const user = await requirePageUser("/admin/templates/new");
  const units = await listUnitsForAdmin(await getDb(), user);
  if (!units.ok) forbidden();
  return (
    <>
      <h1>Ny mall</h1>
      <TemplateEditor template={null} units={units.value} />
    </>
  );
}
