import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";
import { StatementHeader } from "@/components/StatementHeader";
import { StatementWorkspace } from "@/components/StatementWorkspace";
import { isUuid } from "@/contracts/common";
import { actorUnitIds } from "@/domain/access";
import { presenceIdentityOf } from "@/domain/presence";
import { getDb } from "@/workflow/app-services";
import { listComments } from "@/workflow/comments";
import { organisationUnits, statementFor } from "@/workflow/statements";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tjänsteutlåtande" };

export default async function StatementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/statements/${id}`);
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const statement = await statementFor(db, user, id);
  if (!statement.ok) notFound();
  const comments = await listComments(db, user, id);
  if (!comments.ok) notFound();
  const myUnitIds = actorUnitIds(user);
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page statement-page">
        <StatementHeader initial={statement.value} units={await organisationUnits(db, user)} />
        <StatementWorkspace
          initialWorkflow={statement.value}
          initialThreads={comments.value.threads}
          me={presenceIdentityOf(user)}
          myUnitIds={myUnitIds}
          memberOfUnitIds={user.memberOfUnitIds}
        />
      </main>
    </>
  );
}
