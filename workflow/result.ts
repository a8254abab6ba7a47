import type { Database } from "../db/client";
import { getStatementAccessFacts } from "../db/queries/statements";
import type { SessionUser } from "../db/queries/users";
import { canReadStatement, type StatementAccessFacts } from "../domain/access";

export interface WorkflowFailure {
  ok: false;
  status: 400 | 403 | 404 | 409;
  error: string;
  /** Merged into the JSON error body (e.g. the current hash, the sections not approved). */
  details?: unknown;
}

export type WorkflowResult<T> = { ok: true; value: T } | WorkflowFailure;

export function fail(status: WorkflowFailure["status"], error: string, details?: unknown): WorkflowFailure {
  return { ok: false, status, error, details };
}

export const STATEMENT_NOT_FOUND = "Tjänsteutlåtandet finns inte";
export const NO_STATEMENT_ACCESS = "Du har inte behörighet till detta tjänsteutlåtande";

/** Unknown and inaccessible statements, told apart for the API's callers. */
export function statementUnavailable(status: 403 | 404): WorkflowFailure {
  return status === 404 ? fail(404, STATEMENT_NOT_FOUND) : fail(403, NO_STATEMENT_ACCESS);
}

/** The statement's access facts, if it exists and the user may read it. */
export async function readableStatement(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<{ ok: true; facts: StatementAccessFacts } | WorkflowFailure> {
  const facts = await getStatementAccessFacts(db, statementId);
  if (!facts) return statementUnavailable(404);
  if (!canReadStatement(user, facts)) return statementUnavailable(403);
  return { ok: true, facts };
}
