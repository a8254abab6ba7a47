import type { Metadata } from "next";
import Link from "next/link";
import { ColumnHeads } from "@/components/ColumnHeads";
import { listTemplatesForAdmin } from "@/workflow/templates";
import { adminPageData } from "../admin-page-data";

export const metadata: Metadata = { title: "Mallar" };
export const dynamic = "force-dynamic";

export default async function AdminTemplatesPage() {
  const templates = await adminPageData("/admin/templates", listTemplatesForAdmin);
  return (
    <>
      <h1>Mallar</h1>
      <p>
        Ett nytt tjänsteutlåtande skapas från en aktiv mall och får en kopia av dess avsnitt. Ändras mallen
        senare påverkar det inte utlåtanden som redan finns.
      </p>
      <p>
        <Link href="/admin/templates/new" className="button">
          Ny mall
        </Link>
      </p>
      <table className="admin-table">
        <caption className="visually-hidden">Förvaltningens mallar</caption>
        <ColumnHeads names={["Mall", "Avsnitt", "Status"]} />
        <tbody>
          {templates.map((template) => (
            <tr key={template.id}>
              <td>
                <Link href={`/admin/templates/${template.id}`}>{template.name}</Link>
                {template.description && <p className="muted">{template.description}</p>}
              </td>
              <td>{template.sections.map((section) => section.title).join(", ")}</td>
              <td>{template.active ? "Aktiv" : "Avaktiverad"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
