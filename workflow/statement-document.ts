import type { Database } from "../db/client";
import { loadActiveApprovals } from "../db/queries/approvals";
import { recordAuditEvent } from "../db/queries/audit";
import { loadFinalVersion, organisationName } from "../db/queries/final-version";
import { getStatementDetail, type StatementDetail } from "../db/queries/statements";
import { listUnits } from "../db/queries/units";
import type { SessionUser } from "../db/queries/users";
import type { ApprovalRecord, StatementDocumentModel } from "../document/model";
import { describeRequirement } from "../domain/signoff";
import { appServices } from "./app-services";
import { fail, type WorkflowResult } from "./result";
import { visibleStatement } from "./visible-statement";

/** The avdelning that prepares the statement: a preparing avdelning, or the parent of a preparing enhet. */
async function preparingAvdelning(db: Database, statement: StatementDetail): Promise<string | null> {
  const units = await listUnits(db, statement.organisationId);
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  for (const { id } of statement.preparingUnits) {
    const unit = byId.get(id);
    if (unit?.kind === "avdelning") return unit.name;
    const parent = unit?.parentId ? byId.get(unit.parentId) : undefined;
    if (parent) return parent.name;
  }
  return null;
}

async function approvalRecord(
  db: Database,
  statement: StatementDetail,
  finalChecksum: string | null,
): Promise<ApprovalRecord> {
  const approvals = await loadActiveApprovals(db, statement.id);
  return {
    sections: statement.sections.map((section) => {
      const unitNames = new Map(
        section.requiredApprovals.map((requirement) => [requirement.id, requirement.unit?.name ?? null]),
      );
      return {
        title: section.title,
        approvals: approvals
          .filter((approval) => approval.sectionKey === section.key)
          .map((approval) => ({
            approver: approval.approver.name,
            role: describeRequirement({
              role: approval.role as Parameters<typeof describeRequirement>[0]["role"],
              unitName: unitNames.get(approval.requirementId) ?? null,
            }),
            contentHash: approval.contentHash,
            approvedAt: approval.approvedAt,
          })),
      };
    }),
    finalisedBy: statement.finalisedBy?.name ?? null,
    finalisedAt: statement.finalisedAt,
    finalChecksum,
  };
}

export interface StatementDocumentOptions {
  /** Include the approval record ("Beslutsunderlag: godkännanden"). */
  approvals: boolean;
}

/**
 * The statement as a document, for anyone who may read it (404 for other organisations). A
 * justerad statement is always its frozen final version; a draft is its live text.
 */
export async function loadStatementDocument(
  db: Database,
  user: SessionUser,
  statementId: string,
  options: StatementDocumentOptions,
): Promise<WorkflowResult<StatementDocumentModel & { finalChecksum: string | null }>> {
  const visible = await visibleStatement(db, user, statementId);
  if (!visible.ok) return visible;
  const statement = await getStatementDetail(db, statementId);
  if (!statement) return fail("not-found", "Tjänsteutlåtandet finns inte");
  const final = statement.status === "finalised" ? await loadFinalVersion(db, statementId) : null;
  const keys = statement.sections.map((section) => section.key);
  const contents = final
    ? new Map(final.sections.map((section) => [section.key, section.content]))
    : new Map(
        (await appServices().documents.sections(statementId, keys)).map((section) => [
          section.key,
          section.content,
        ]),
      );
  const [organisation, avdelning] = await Promise.all([
    organisationName(db, statement.organisationId),
    preparingAvdelning(db, statement),
  ]);
  return {
    ok: true,
    value: {
      organisation,
      avdelning,
      title: statement.title,
      recipient: statement.recipient,
      diarienummer: statement.diarienummer,
      date: statement.statementDate,
      contacts: statement.contacts,
      signatories: statement.signatories,
      draft: statement.status !== "finalised",
      sections: statement.sections.map((section) => ({
        key: section.key,
        title: section.title,
        content: contents.get(section.key) ?? { type: "doc", content: [] },
      })),
      approvals: options.approvals ? await approvalRecord(db, statement, final?.checksum ?? null) : null,
      finalChecksum: final?.checksum ?? null,
    },
  };
}

/** Exports of the final version are audited with its checksum: the trail names what left the system. */
export async function auditFinalExport(
  db: Database,
  user: SessionUser,
  statementId: string,
  details: { format: string; checksum: string },
): Promise<void> {
  await recordAuditEvent(db, {
    organisationId: user.organisationId,
    statementId,
    actorId: user.id,
    action: "statement.exported",
    details,
  });
}
