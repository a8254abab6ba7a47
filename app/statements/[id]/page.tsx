import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";
import { StatementHeader } from "@/components/StatementHeader";
import { StatementWorkspace } from "@/components/StatementWorkspace";
import { isUuid } from "@/contracts/common";
import { getDb } from "@/db/client";
import { listThreads } from "@/db/queries/comments";
import { actorUnitIds } from "@/domain/access";
import { presenceIdentityOf } from "@/domain/presence";
import { loadStatementWorkflow } from "@/workflow/statement-workflow";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tjänsteutlåtande" };

export default async function StatementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/statements/${id}`);
  const lookup = isUuid(id) ? await loadStatementWorkflow(await getDb(), user, id) : null;
  if (!lookup?.found) notFound();
  const myUnitIds = actorUnitIds(user);
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page statement-page">
        <StatementHeader statement={lookup.statement} />
        <StatementWorkspace
          initialWorkflow={lookup.workflow}
          initialThreads={await listThreads(await getDb(), id)}
          me={presenceIdentityOf(user)}
          myUnitIds={myUnitIds}
          memberOfUnitIds={user.memberOfUnitIds}
        />
      </main>
    </>
  );
}
