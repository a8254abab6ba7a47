import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";
import { StatementHeader } from "@/components/StatementHeader";
import { StatementWorkspace } from "@/components/StatementWorkspace";
import { getDb } from "@/db/client";
import { getStatementDetail } from "@/db/queries/statements";
import { canEditStatementText, canReadStatement } from "@/domain/access";
import { presenceIdentityOf } from "@/domain/presence";
import { isUuid } from "../../api/responses";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tjänsteutlåtande" };

export default async function StatementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/statements/${id}`);
  const statement = isUuid(id) ? await getStatementDetail(await getDb(), id) : null;
  if (!statement || !canReadStatement(user, statement)) notFound();
  const myUnits = new Set(user.roles.flatMap((grant) => (grant.unitId ? [grant.unitId] : [])));
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page statement-page">
        <StatementHeader statement={statement} />
        <StatementWorkspace
          statementId={statement.id}
          canEdit={canEditStatementText(user, statement)}
          me={presenceIdentityOf(user)}
          sections={statement.sections.map((section) => ({
            key: section.key,
            title: section.title,
            owners: section.owners.map((owner) => owner.name),
            mine: section.owners.some((owner) => myUnits.has(owner.id)),
          }))}
        />
      </main>
    </>
  );
}
