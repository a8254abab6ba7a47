import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { TemplateEditor } from "@/components/admin/TemplateEditor";
import { isUuid } from "@/contracts/common";
import { listUnitsForAdmin } from "@/workflow/admin-units";
import { getDb } from "@/workflow/app-services";
import { templateForAdmin } from "@/workflow/templates";

export const metadata: Metadata = { title: "Mall" };
export const dynamic = "force-dynamic";

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/admin/templates/${id}`);
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const [template, units] = [await templateForAdmin(db, user, id), await listUnitsForAdmin(db, user)];
  if (!units.ok) forbidden();
  if (!template.ok) notFound();
  return (
    <>
      <h1>Mallen {template.value.name}</h1>
      <TemplateEditor key={template.value.id} template={template.value} units={units.value} />
    </>
  );
}
