import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { ColumnHeads } from "@/components/ColumnHeads";
import { StatementSubpage } from "@/components/StatementSubpage";
import { isUuid } from "@/contracts/common";
import { auditActionLabel } from "@/domain/audit-labels";
import { formatSwedishDateTime } from "@/domain/deadline";
import { getDb } from "@/workflow/app-services";
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
    <StatementSubpage user={user} statementId={id} heading="Händelselogg">
      <p className="muted">
        {title}. Loggen är en allmän handling: händelser läggs till men ändras eller tas aldrig bort.{" "}
        <a href={`/api/statements/${id}/audit`}>Som JSON</a>
      </p>
      <table className="audit-table">
        <caption className="visually-hidden">Händelser i tjänsteutlåtandet, äldst först</caption>
        <ColumnHeads names={["Tid", "Händelse", "Avsnitt", "Av"]} />
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
    </StatementSubpage>
  );
}
