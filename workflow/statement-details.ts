import type { StatementDetailsPatch } from "../contracts/statement-details";
import type { Database } from "../db/client";
import { writeStatementDetails } from "../db/queries/statement-details";
import { getStatementDetail, type StatementDetail } from "../db/queries/statements";
import { findOrganisationUnits } from "../db/queries/units";
import type { SessionUser } from "../db/queries/users";
import { canEditStatementText } from "../domain/access";
import { announced, fail, type WorkflowResult } from "./result";
import { visibleStatement } from "./visible-statement";

export const DETAILS_FINALISED = "Tjänsteutlåtandet är justerat och uppgifterna kan inte längre ändras";
export const DETAILS_FORBIDDEN = "Du har inte behörighet att ändra uppgifterna om tjänsteutlåtandet";

/** The current value of each patchable field, in the patch's own shape. */
function currentValues(statement: StatementDetail): Record<keyof StatementDetailsPatch, unknown> {
  return {
    recipient: statement.recipient,
    title: statement.title,
    diarienummer: statement.diarienummer,
    remissSender: statement.remissSender,
    deadline: statement.deadline,
    extendedDeadline: statement.extendedDeadline,
    statementDate: statement.statementDate,
    contacts: statement.contacts,
    preparingUnitIds: statement.preparingUnits.map((unit) => unit.id),
    signatories: statement.signatories,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Changes a statement's details (Till, title, dates, handläggare, units, signatories). Drafters
 * may until justering; every change is audited with its old and new value, and open pages are told.
 */
export async function updateStatementDetails(
  db: Database,
  user: SessionUser,
  statementId: string,
  patch: StatementDetailsPatch,
): Promise<WorkflowResult<{ changed: string[] }>> {
  const readable = await visibleStatement(db, user, statementId);
  if (!readable.ok) return readable;
  if (!canEditStatementText(user, { ...readable.facts, status: "draft" }))
    return fail("forbidden", DETAILS_FORBIDDEN);
  if (readable.facts.status !== "draft") return fail("conflict", DETAILS_FINALISED);
  const statement = await getStatementDetail(db, statementId);
  if (!statement) return fail("not-found", "Tjänsteutlåtandet finns inte");

  const deadline = patch.deadline === undefined ? statement.deadline : patch.deadline;
  const extended = patch.extendedDeadline === undefined ? statement.extendedDeadline : patch.extendedDeadline;
  if (deadline && extended && extended < deadline) {
    return fail("invalid", "Förlängd svarstid kan inte vara före ordinarie svarstid.");
  }
  if (patch.preparingUnitIds) {
    const found = await findOrganisationUnits(db, user.organisationId, patch.preparingUnitIds);
    if (found.length !== patch.preparingUnitIds.length) {
      return fail("invalid", "En vald beredande enhet finns inte i din förvaltning.");
    }
  }

  const before = currentValues(statement);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(patch)) {
    const from = before[field as keyof StatementDetailsPatch];
    if (value !== undefined && !sameValue(from, value)) changes[field] = { from, to: value };
  }
  const changed = Object.keys(changes);
  if (changed.length === 0) return { ok: true, value: { changed } };

  const change = Object.fromEntries(changed.map((field) => [field, changes[field]?.to]));
  const written = await writeStatementDetails(db, {
    organisationId: user.organisationId,
    statementId,
    actorId: user.id,
    change,
    audit: { changes },
  });
  if (!written) return fail("conflict", DETAILS_FINALISED);
  return announced(statementId, "details", { changed });
}
