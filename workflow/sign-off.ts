import type { SectionWorkflow, StatementWorkflow } from "../contracts/statements";
import type { Database } from "../db/client";
import {
  approveSection,
  loadSectionRequirements,
  revokeOwnApprovals,
  StatementFinalisedError,
} from "../db/queries/approvals";
import { countOpenThreads } from "../db/queries/comments";
import { finaliseStatement } from "../db/queries/finalisation";
import type { SessionUser } from "../db/queries/users";
import { insertVersion } from "../db/queries/versions";
import {
  approvableRequirements,
  approvalRefusal,
  canFinalise,
  SECTION_STATE_LABELS,
} from "../domain/signoff";
import { appServices } from "./app-services";
import { announced, fail, type WorkflowResult } from "./result";
import { loadStatementWorkflow, readableWorkflow } from "./statement-workflow";

const FINALISED_APPROVE = "Tjänsteutlåtandet är justerat och kan inte längre godkännas";
const FINALISED_REVOKE = "Tjänsteutlåtandet är justerat; godkännanden kan inte återkallas";
const FINALISED = Symbol("finalised");

/** The change's result, or FINALISED when a finalisation committed before it could be written. */
async function finalIfJusterad<T>(change: Promise<T>): Promise<T | typeof FINALISED> {
  try {
    return await change;
  } catch (error) {
    if (error instanceof StatementFinalisedError) return FINALISED;
    throw error;
  }
}

function listNotApproved(workflow: StatementWorkflow, include: (section: SectionWorkflow) => boolean) {
  return workflow.sections.filter(include).map((section) => ({
    key: section.key,
    title: section.title,
    state: SECTION_STATE_LABELS[section.state],
  }));
}

async function findSection(db: Database, user: SessionUser, statementId: string, sectionKey: string) {
  const found = await readableWorkflow(db, user, statementId);
  if (!found.ok) return found;
  const sections = await loadSectionRequirements(db, statementId);
  const section = sections.find((candidate) => candidate.key === sectionKey);
  if (!section) return fail("not-found", "Avsnittet finns inte");
  return { ...found, section };
}

/**
 * Approves a section as the user, bound to the content the user saw: `contentHash` must be the
 * hash of the section's current content, or the approval is refused as a conflict.
 */
export async function approve(
  db: Database,
  user: SessionUser,
  statementId: string,
  sectionKey: string,
  contentHash: string,
): Promise<WorkflowResult<{ approvalIds: string[]; contentHash: string }>> {
  const found = await findSection(db, user, statementId, sectionKey);
  if (!found.ok) return found;
  const { statement, section } = found;
  if (statement.status === "finalised") return fail("conflict", FINALISED_APPROVE);
  const refusal = approvalRefusal(user, section.requirements);
  if (refusal) return fail("forbidden", refusal);
  // The whole statement is read at this moment: it becomes the approval's version.
  const captured = await appServices().documents.capture(
    statementId,
    found.workflow.sections.map((candidate) => candidate.key),
  );
  const current = captured.sections.find((candidate) => candidate.key === sectionKey);
  if (!current) return fail("not-found", "Avsnittet finns inte");
  if (current.hash !== contentHash) {
    return fail(
      "conflict",
      "Avsnittet har ändrats sedan du läste det. Läs den nya texten och godkänn igen.",
      {
        currentHash: current.hash,
      },
    );
  }
  const approvalIds = await finalIfJusterad(
    approveSection(db, {
      organisationId: statement.organisationId,
      statementId,
      section,
      requirements: approvableRequirements(user, section.requirements),
      approverId: user.id,
      contentHash,
      content: current.content as Record<string, unknown>,
      text: current.text,
      openThreads: (await countOpenThreads(db, [statementId])).get(statementId)?.get(sectionKey) ?? 0,
    }),
  );
  if (approvalIds === FINALISED) return fail("conflict", FINALISED_APPROVE);
  await insertVersion(db, { statementId, kind: "approval", captured, createdBy: user.id });
  /*
   * The text may have changed while the approval was written. The statement's approval watch (its
   * document is loaded: the hash above was read from it) re-checks every approved section when
   * told, and credits the staleness to whoever edited; a check here would credit it to the approver.
   */
  return announced(statementId, "approvals", { approvalIds, contentHash });
}

export async function revoke(
  db: Database,
  user: SessionUser,
  statementId: string,
  sectionKey: string,
  reason: string | null,
): Promise<WorkflowResult<{ revoked: number }>> {
  const found = await findSection(db, user, statementId, sectionKey);
  if (!found.ok) return found;
  if (found.statement.status === "finalised") return fail("conflict", FINALISED_REVOKE);
  const revoked = await finalIfJusterad(
    revokeOwnApprovals(db, {
      organisationId: found.statement.organisationId,
      statementId,
      section: found.section,
      approverId: user.id,
      reason,
    }),
  );
  if (revoked === FINALISED) return fail("conflict", FINALISED_REVOKE);
  if (revoked === 0) return fail("not-found", "Du har inget godkännande av detta avsnitt att återkalla");
  return announced(statementId, "approvals", { revoked });
}

export const NODES_UNREACHABLE =
  "Tjänsteutlåtandet kan inte justeras just nu: alla servrar som har det öppet svarar inte. Försök igen om en stund.";

/**
 * Finalises (justerar) the statement once every section holds fresh approvals. Document updates
 * are refused while the decision is made, so the frozen version is exactly what was approved.
 */
export async function finalise(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<WorkflowResult<{ finalisedAt: string }>> {
  const found = await readableWorkflow(db, user, statementId);
  if (!found.ok) return found;
  if (!canFinalise(user))
    return fail("forbidden", "Endast stadsdelsdirektören kan justera tjänsteutlåtandet");
  if (found.statement.status === "finalised") return fail("conflict", "Tjänsteutlåtandet är redan justerat");

  let notApproved: { key: string; title: string; state: string }[] = [];
  const freeze = await appServices().documents.freezeWhile(statementId, async (frozenDocument) => {
    // Decided on the frozen document, so no edit can slip in between the check and the version.
    const frozen = await loadStatementWorkflow(db, user, statementId);
    if (!frozen.found) return false;
    notApproved = listNotApproved(frozen.workflow, (section) => section.state !== "approved");
    if (notApproved.length > 0) return false;
    const outcome = await finaliseStatement(db, {
      organisationId: found.statement.organisationId,
      statementId,
      finalisedBy: user.id,
      documentState: frozenDocument.documentState,
      sections: frozenDocument
        .sections(frozen.workflow.sections.map((section) => section.key))
        .map((snapshot, index) => ({
          key: snapshot.key,
          title: frozen.workflow.sections[index]?.title ?? snapshot.key,
          contentHash: snapshot.hash,
          content: snapshot.content,
          text: snapshot.text,
        })),
    });
    if (!outcome.finalised && outcome.notApproved.length > 0) {
      // An approval was revoked after the check above: report the sections as they stand now.
      const now = await loadStatementWorkflow(db, user, statementId);
      const keys = new Set(outcome.notApproved);
      notApproved = now.found ? listNotApproved(now.workflow, (section) => keys.has(section.key)) : [];
    }
    return outcome.finalised;
  });
  if (freeze === "nodes-unreachable") return fail("unavailable", NODES_UNREACHABLE);
  if (freeze !== "finalised") {
    if (notApproved.length > 0) {
      return fail("conflict", "Alla avsnitt är inte godkända", { sections: notApproved });
    }
    return fail("conflict", "Tjänsteutlåtandet är redan justerat");
  }
  return announced(statementId, "status", { finalisedAt: new Date().toISOString() });
}
