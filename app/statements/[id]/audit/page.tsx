import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";
import { isUuid } from "@/contracts/common";
import { getDb } from "@/db/client";
import { auditActionLabel } from "@/domain/audit-labels";
import { formatSwedishDateTime } from "@/domain/deadline";
import { statementAudit } from "@/workflow/statements";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Händelselogg" };

export default async function AuditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/statements/${id}/audit`);
  if (!isUuid(id)) notFound();
  const audit = await statementAudit(await getDb(), user, id);
  if (!audit.ok) notFound();
  const { title, sectionTitles, events } = audit.value;
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page">
        <p>
          <Link href={`/statements/${id}`}>← Tillbaka till utlåtandet</Link>
        </p>
        <h1>Händelselogg</h1>
        <p className="muted">
          {title}. Loggen är en allmän handling: händelser läggs till men ändras eller tas aldrig bort.{" "}
          <a href={`/api/statements/${id}/audit`}>Som JSON</a>
        </p>
        <table className="audit-table">
          <caption className="visually-hidden">Händelser i tjänsteutlåtandet, äldst först</caption>
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">Händelse</th>
              <th scope="col">Avsnitt</th>
              <th scope="col">Av</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} data-action={event.action}>
                <td>{formatSwedishDateTime(event.at)}</td>
                <td>{auditActionLabel(event.action)}</td>
                <td>{event.sectionKey ? (sectionTitles.get(event.sectionKey) ?? event.sectionKey) : "–"}</td>
                <td>{event.actor?.name ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </>
  );
}
