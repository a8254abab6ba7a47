import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/auth/current-user";
import { StatementSubpage } from "@/components/StatementSubpage";
import { VersionHistory } from "@/components/VersionHistory";
import { isUuid } from "@/contracts/common";
import { getDb } from "@/workflow/app-services";
import { loadStatementWorkflow } from "@/workflow/statement-workflow";
import { mayRestoreStatement, versionsOf } from "@/workflow/versions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Versioner" };

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/statements/${id}/historik`);
  const db = await getDb();
  const lookup = isUuid(id) ? await loadStatementWorkflow(db, user, id) : null;
  if (!lookup?.found) notFound();
  const listed = await versionsOf(db, user, id);
  if (!listed.ok) notFound();
  const { workflow } = lookup;
  return (
    <StatementSubpage user={user} statementId={id} heading="Versioner">
      <p className="muted">{workflow.title}</p>
      <VersionHistory
        statementId={id}
        versions={listed.value.versions}
        sections={workflow.sections.map((section) => ({
          key: section.key,
          title: section.title,
          editable: section.editableByMe,
        }))}
        canName={workflow.canEditText}
        canRestoreAll={mayRestoreStatement(workflow)}
      />
    </StatementSubpage>
  );
}
