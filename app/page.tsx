import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";
import { ColumnHeads } from "@/components/ColumnHeads";
import { StatementDeadline } from "@/components/Deadline";
import type { StatementOverview } from "@/db/queries/overview";
import { canCreateStatement } from "@/domain/access";
import { getDb } from "@/workflow/app-services";
import { statementOverview } from "@/workflow/statements";

export const metadata: Metadata = { title: "Tjänsteutlåtanden" };
export const dynamic = "force-dynamic";

const STATUS_LABELS = { draft: "Under beredning", finalised: "Justerad" } as const;

/** Sign-off progress at a glance, with the viewer's own sections and open comments called out. */
function SectionSummary({ summary }: { summary: StatementOverview | undefined }) {
  if (!summary) return <>–</>;
  const { states } = summary;
  return (
    <ul className="section-summary">
      <li>
        {states.approved} av {summary.sections} godkända
      </li>
      {states.stale > 0 && <li className="stale-count">{states.stale} ändrade efter godkännande</li>}
      {states["partly-approved"] > 0 && <li>{states["partly-approved"]} delvis godkända</li>}
      <li>{states.open} ej godkända</li>
      {summary.mySections > 0 && (
        <li className="my-sections">
          <strong>{summary.mySections} för din enhet</strong>
        </li>
      )}
      {summary.openComments > 0 && <li>{summary.openComments} öppna kommentarer</li>}
    </ul>
  );
}

export default async function StatementListPage() {
  const user = await requirePageUser("/");
  const { statements, overview } = await statementOverview(await getDb(), user);
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page list-page">
        <div className="page-heading">
          <h1>Tjänsteutlåtanden</h1>
          {canCreateStatement(user) && (
            <Link href="/statements/new" className="button">
              Nytt tjänsteutlåtande
            </Link>
          )}
        </div>
        {statements.length === 0 ? (
          <p>Det finns inga tjänsteutlåtanden ännu.</p>
        ) : (
          <table className="statement-list">
            <caption className="visually-hidden">Tjänsteutlåtanden i din förvaltning</caption>
            <ColumnHeads names={["Ärende", "Diarienummer", "Svarstid", "Avsnitt", "Status"]} />
            <tbody>
              {statements.map((statement) => (
                <tr key={statement.id}>
                  <td>
                    <Link href={`/statements/${statement.id}`}>{statement.title}</Link>
                    <div className="muted">Till {statement.recipient}</div>
                  </td>
                  <td>{statement.diarienummer ?? "–"}</td>
                  <td>
                    <StatementDeadline statement={statement} />
                  </td>
                  <td>
                    <SectionSummary summary={overview.get(statement.id)} />
                  </td>
                  <td>{STATUS_LABELS[statement.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
