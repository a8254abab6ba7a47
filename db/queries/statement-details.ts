import { eq } from "drizzle-orm";
import type { Signatory } from "../../domain/content";
import { NEW_STATEMENT_FIELDS } from "../../domain/new-statement";
import type { Database } from "../client";
import { statementContacts, statementPreparingUnits, statementSignatories, statements } from "../schema";
import { lockedStatementStatus } from "./approvals";
import { recordAuditEvent } from "./audit";
import type { StatementContact } from "./statements";

export interface StatementDetailsChange {
  recipient?: string;
  title?: string;
  diarienummer?: string | null;
  remissSender?: string | null;
  deadline?: string | null;
  extendedDeadline?: string | null;
  statementDate?: string | null;
  contacts?: StatementContact[];
  preparingUnitIds?: string[];
  signatories?: Signatory[];
}

/** The details stored as columns of the statement row; the lists are rows of their own. */
const COLUMN_FIELDS = [
  ...NEW_STATEMENT_FIELDS.filter((field) => field !== "preparingUnitIds" && field !== "templateId"),
  "statementDate",
] as const satisfies readonly (keyof StatementDetailsChange)[];

/**
 * Writes the changed details of a draft statement and audits them, in one transaction that
 * holds the statement row: false (nothing written) when the statement is no longer a draft.
 */
export async function writeStatementDetails(
  db: Database,
  input: {
    organisationId: string;
    statementId: string;
    actorId: string;
    change: StatementDetailsChange;
    audit: Record<string, unknown>;
  },
): Promise<boolean> {
  const { statementId, change } = input;
  return db.transaction(async (tx) => {
    if ((await lockedStatementStatus(tx, statementId, "update")) !== "draft") return false;
    const columns = Object.fromEntries(
      COLUMN_FIELDS.filter((field) => change[field] !== undefined).map((field) => [field, change[field]]),
    );
    if (Object.keys(columns).length > 0) {
      await tx.update(statements).set(columns).where(eq(statements.id, statementId));
    }
    if (change.contacts) {
      await tx.delete(statementContacts).where(eq(statementContacts.statementId, statementId));
      if (change.contacts.length > 0) {
        await tx
          .insert(statementContacts)
          .values(change.contacts.map((contact, position) => ({ statementId, position, ...contact })));
      }
    }
    if (change.signatories) {
      await tx.delete(statementSignatories).where(eq(statementSignatories.statementId, statementId));
      if (change.signatories.length > 0) {
        await tx
          .insert(statementSignatories)
          .values(change.signatories.map((signatory, position) => ({ statementId, position, ...signatory })));
      }
    }
    if (change.preparingUnitIds) {
      await tx.delete(statementPreparingUnits).where(eq(statementPreparingUnits.statementId, statementId));
      await tx
        .insert(statementPreparingUnits)
        .values(change.preparingUnitIds.map((unitId, position) => ({ statementId, unitId, position })));
    }
    await recordAuditEvent(tx, {
      organisationId: input.organisationId,
      statementId,
      actorId: input.actorId,
      action: "statement.details.changed",
      details: input.audit,
    });
    return true;
  });
}
