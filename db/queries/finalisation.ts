import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { statements, statementVersions } from "../schema";
import { recordAuditEvent } from "./audit";

export interface FinalVersion {
  organisationId: string;
  statementId: string;
  finalisedBy: string;
  documentState: Uint8Array;
  sections: { key: string; title: string; contentHash: string; content: unknown; text: string }[];
}

/**
 * Marks the statement justerad and freezes its final version, once: returns false when it was
 * already finalised (a concurrent request won).
 */
export async function finaliseStatement(db: Database, input: FinalVersion): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const updated = await tx
      .update(statements)
      .set({ status: "finalised", finalisedAt: now, finalisedBy: input.finalisedBy })
      .where(and(eq(statements.id, input.statementId), eq(statements.status, "draft")))
      .returning({ id: statements.id });
    if (updated.length === 0) return false;
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
    return true;
  });
}
