import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";
import { Deadline } from "@/components/Deadline";
import { getDb } from "@/db/client";
import { listStatements } from "@/db/queries/statements";
import { canCreateStatement } from "@/domain/access";

export const metadata: Metadata = { title: "Tjänsteutlåtanden" };
export const dynamic = "force-dynamic";

const STATUS_LABELS = { draft: "Under beredning", finalised: "Justerad" } as const;

export default async function StatementListPage() {
  const user = await requirePageUser("/");
  const statements = await listStatements(await getDb(), user.organisationId);
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page">
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
            <thead>
              <tr>
                <th scope="col">Ärende</th>
                <th scope="col">Diarienummer</th>
                <th scope="col">Svarstid</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {statements.map((statement) => (
                <tr key={statement.id}>
                  <td>
                    <Link href={`/statements/${statement.id}`}>{statement.title}</Link>
                    <div className="muted">Till {statement.recipient}</div>
                  </td>
                  <td>{statement.diarienummer ?? "–"}</td>
                  <td>
                    <Deadline deadline={statement.deadline} extendedDeadline={statement.extendedDeadline} />
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
