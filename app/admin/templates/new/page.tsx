import type { Metadata } from "next";
import { TemplateEditor } from "@/components/admin/TemplateEditor";
import { listUnitsForAdmin } from "@/workflow/admin-units";
import { adminPageData } from "../../admin-page-data";

export const metadata: Metadata = { title: "Ny mall" };
export const dynamic = "force-dynamic";

export default async function NewTemplatePage() {
  const units = await adminPageData("/admin/templates/new", listUnitsForAdmin);
  return (
    <>
      <h1>Ny mall</h1>
      <TemplateEditor template={null} units={units} />
    </>
  );
}
