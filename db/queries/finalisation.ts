import { eq } from "drizzle-orm";
import { sectionState } from "../../domain/signoff";
import type { Database } from "../client";
import { statements, statementVersions } from "../schema";
import { loadActiveApprovals, loadSectionRequirements, lockedStatementStatus } from "./approvals";
import { recordAuditEvent } from "./audit";

export interface FinalVersion {
  organisationId: string;
  statementId: string;
  finalisedBy: string;
  documentState: Uint8Array;
  sections: { key: string; title: string; contentHash: string; content: unknown; text: string }[];
}

/** Finalised; or not, with the sections whose approvals no longer cover the final content (none: already finalised). */
export type FinalisationOutcome = { finalised: true } | { finalised: false; notApproved: string[] };

/** Sections of the statement that are not approved for exactly the given content. */
async function sectionsNotApproved(tx: Database, input: FinalVersion): Promise<string[]> {
  const hashes = new Map(input.sections.map((section) => [section.key, section.contentHash]));
  const [requirements, approvals] = await Promise.all([
    loadSectionRequirements(tx, input.statementId),
    loadActiveApprovals(tx, input.statementId),
  ]);
  return requirements
    .filter(
      (section) =>
        sectionState(
          section.requirements,
          approvals.filter((approval) => approval.sectionKey === section.key),
          hashes.get(section.key) ?? "",
        ) !== "approved",
    )
    .map((section) => section.key);
}

/**
 * Marks the statement justerad and freezes its final version, once, and only if every section's
 * approvals in force cover the final content. The statement row is locked first (FOR UPDATE):
 * approvals and revocations lock it too, so none can slip in between this check and the commit.
 */
export async function finaliseStatement(db: Database, input: FinalVersion): Promise<FinalisationOutcome> {
  return db.transaction(async (tx) => {
    if ((await lockedStatementStatus(tx, input.statementId, "update")) !== "draft") {
      return { finalised: false, notApproved: [] };
    }
    const notApproved = await sectionsNotApproved(tx, input);
    if (notApproved.length > 0) return { finalised: false, notApproved };
    await tx
      .update(statements)
      .set({ status: "finalised", finalisedAt: new Date(), finalisedBy: input.finalisedBy })
      .where(eq(statements.id, input.statementId));
    await tx.insert(statementVersions).values({
      statementId: input.statementId,
      kind: "final",
      documentState: input.documentState,
      sections: input.sections,
      createdBy: input.finalisedBy,
    });
    await recordAuditEvent(tx, {
      organisationId: input.organisationId,
      statementId: input.statementId,
      actorId: input.finalisedBy,
      action: "statement.finalised",
      details: { sections: input.sections.map(({ key, contentHash }) => ({ key, contentHash })) },
    });
    return { finalised: true };
  });
}
