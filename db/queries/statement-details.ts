import { eq } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
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
    if (change.contacts) await replaceList(tx, statementContacts, statementId, change.contacts);
    if (change.signatories) await replaceList(tx, statementSignatories, statementId, change.signatories);
    if (change.preparingUnitIds) {
      const rows = change.preparingUnitIds.map((unitId) => ({ unitId }));
      await replaceList(tx, statementPreparingUnits, statementId, rows);
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

type ListTable = typeof statementContacts | typeof statementSignatories | typeof statementPreparingUnits;

/** Replaces one of the statement's ordered lists; `position` is each row's index. */
async function replaceList<T extends ListTable>(
  db: Database,
  table: T,
  statementId: string,
  rows: Omit<T["$inferInsert"], "statementId" | "position">[],
): Promise<void> {
  await db.delete(table).where(eq(table.statementId, statementId));
  if (rows.length === 0) return;
  const values = rows.map((row, position) => ({ ...row, statementId, position }));
  await db.insert(table).values(values as PgInsertValue<T>[]);
}
