import type { SectionWorkflow, StatementWorkflow } from "../contracts/statements";
import type { Database } from "../db/client";
import { loadActiveApprovals } from "../db/queries/approvals";
import {
  getStatementDetail,
  type SectionDetail,
  type StatementDetail,
  sectionEditFacts,
} from "../db/queries/statements";
import type { SessionUser } from "../db/queries/users";
import { canEditStatementText, canReadStatement } from "../domain/access";
import { canEditSection } from "../domain/section-editing";
import {
  approvableRequirements,
  canFinalise,
  describeRequirement,
  type Requirement,
  sectionState,
} from "../domain/signoff";
import { appServices } from "./app-services";
import { statementUnavailable, type WorkflowFailure } from "./result";

export type WorkflowLookup =
  | { found: true; statement: StatementDetail; workflow: StatementWorkflow }
  | { found: false; kind: "forbidden" | "not-found" };

/** Current content hash of each section, from the live document. */
export async function currentSectionHashes(
  statementId: string,
  keys: string[],
): Promise<Map<string, string>> {
  const snapshots = await appServices().documents.sections(statementId, keys);
  return new Map(snapshots.map((snapshot) => [snapshot.key, snapshot.hash]));
}

function toRequirements(section: SectionDetail): (Requirement & { label: string })[] {
  return section.requiredApprovals.map((requirement) => {
    const plain = {
      id: requirement.id,
      role: requirement.role,
      unitId: requirement.unit?.id ?? null,
      unitName: requirement.unit?.name ?? null,
    };
    return { ...plain, label: describeRequirement(plain) };
  });
}

/**
 * A statement as a signed-in user sees it: metadata, and per section its current content hash,
 * sign-off state and approvals, and what the user may do. Unknown ids and statements of other
 * organisations look alike from outside (404 and 403 are told apart for the API's callers).
 */
export async function loadStatementWorkflow(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<WorkflowLookup> {
  const statement = await getStatementDetail(db, statementId);
  if (!statement) return { found: false, kind: "not-found" };
  if (!canReadStatement(user, statement)) return { found: false, kind: "forbidden" };
  const [approvals, hashes] = await Promise.all([
    loadActiveApprovals(db, statementId),
    currentSectionHashes(
      statementId,
      statement.sections.map((section) => section.key),
    ),
  ]);
  const editFacts = { ...statement, coordinatorId: statement.coordinator?.id ?? null };
  const sections = statement.sections.map((section): SectionWorkflow => {
    const requirements = toRequirements(section);
    const contentHash = hashes.get(section.key) ?? "";
    const sectionApprovals = approvals
      .filter((approval) => approval.sectionKey === section.key)
      .map(({ approvedContent: _content, ...approval }) => ({
        ...approval,
        fresh: approval.contentHash === contentHash,
      }));
    return {
      ...section,
      requiredApprovals: requirements,
      contentHash,
      state: sectionState(requirements, sectionApprovals, contentHash),
      approvals: sectionApprovals,
      approvableByMe: approvableRequirements(user, requirements).map((requirement) => requirement.id),
      editableByMe: canEditSection(user, editFacts, sectionEditFacts(section)),
    };
  });
  const { organisationId: _organisation, sections: _details, ...metadata } = statement;
  return {
    found: true,
    statement,
    workflow: {
      ...metadata,
      sections,
      canEditText: canEditStatementText(user, statement),
      canFinalise: statement.status === "draft" && canFinalise(user),
      readyToFinalise: sections.every((section) => section.state === "approved"),
    },
  };
}

/** A statement the user may read, as `loadStatementWorkflow` finds it. */
export interface ReadableWorkflow {
  ok: true;
  statement: StatementDetail;
  workflow: StatementWorkflow;
}

/** The statement as the user sees it, or the failure telling an unknown one (404) from a hidden one (403). */
export async function readableWorkflow(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<ReadableWorkflow | WorkflowFailure> {
  const lookup = await loadStatementWorkflow(db, user, statementId);
  if (!lookup.found) return statementUnavailable(lookup.kind);
  return { ok: true, statement: lookup.statement, workflow: lookup.workflow };
}
