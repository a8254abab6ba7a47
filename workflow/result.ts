import type { StatementEventKind } from "../contracts/events";
import type { Database } from "../db/client";
import { getStatementAccessFacts } from "../db/queries/statements";
import type { SessionUser } from "../db/queries/users";
import { canReadStatement, type StatementAccessFacts } from "../domain/access";
import { appServices } from "./app-services";

/** Why a use case refused; app/api maps each kind to its HTTP status in one place. */
export type FailureKind = "invalid" | "forbidden" | "not-found" | "conflict" | "unavailable";

export interface WorkflowFailure {
  ok: false;
  kind: FailureKind;
  error: string;
  /** Merged into the JSON error body (e.g. the current hash, the sections not approved). */
  details?: unknown;
}

export type WorkflowResult<T> = { ok: true; value: T } | WorkflowFailure;

export function fail(kind: FailureKind, error: string, details?: unknown): WorkflowFailure {
  return { ok: false, kind, error, details };
}

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Tells the statement's open views that its `kind` changed, and answers the use case with `value`. */
export function announced<T>(
  statementId: string,
  kind: StatementEventKind,
  value: T,
): { ok: true; value: T } {
  appServices().statementEvents.publish({ statementId, kind });
  return succeed(value);
}

/** The result with its value passed through `map`; a failure stays as it is. */
export function mapValue<T, U>(result: WorkflowResult<T>, map: (value: T) => U): WorkflowResult<U> {
  return result.ok ? succeed(map(result.value)) : result;
}

export const STATEMENT_NOT_FOUND = "Tjänsteutlåtandet finns inte";
export const NO_STATEMENT_ACCESS = "Du har inte behörighet till detta tjänsteutlåtande";

/** Unknown and inaccessible statements, told apart for the API's callers. */
export function statementUnavailable(kind: "forbidden" | "not-found"): WorkflowFailure {
  return kind === "not-found" ? fail(kind, STATEMENT_NOT_FOUND) : fail(kind, NO_STATEMENT_ACCESS);
}

/** The statement's access facts, if it exists and the user may read it. */
export async function readableStatement(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<{ ok: true; facts: StatementAccessFacts } | WorkflowFailure> {
  const facts = await getStatementAccessFacts(db, statementId);
  if (!facts) return statementUnavailable("not-found");
  if (!canReadStatement(user, facts)) return statementUnavailable("forbidden");
  return { ok: true, facts };
}

/** What `read` loads, if the statement exists and the user may read it. */
export async function readIfAllowed<T>(
  db: Database,
  user: SessionUser,
  statementId: string,
  read: () => Promise<T>,
): Promise<WorkflowResult<T>> {
  const readable = await readableStatement(db, user, statementId);
  return readable.ok ? succeed(await read()) : readable;
}
