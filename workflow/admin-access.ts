import type { z } from "zod";
import type { Database } from "../db/client";
import { type OrganisationEventEntry, recordOrganisationEvent } from "../db/queries/organisation-events";
import type { SessionUser } from "../db/queries/users";
import { isAdministrator } from "../domain/access";
import { fail, succeed, type WorkflowFailure, type WorkflowResult } from "./result";

export const ADMIN_ONLY = "Bara en administratör har tillgång till administrationen";

/** The administration is for administratörer of the organisation only. */
export function adminOnly(actor: SessionUser): WorkflowFailure | null {
  return isAdministrator(actor) ? null : fail("forbidden", ADMIN_ONLY);
}

/** Parses input with a schema; the first problem becomes a 400 with a Swedish message. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): { ok: true; data: T } | WorkflowFailure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return fail("invalid", `Ogiltig förfrågan: ${where}${issue?.message ?? "okänt fel"}`);
}

const NOTHING_TO_CHANGE = "Ogiltig förfrågan: ange något att ändra";

/** A change request with no field set is refused with 400. */
function nothingToChange(change: object): WorkflowFailure | null {
  return Object.keys(change).length === 0 ? fail("invalid", NOTHING_TO_CHANGE) : null;
}

/** An administratör's request: refused with 403 for anyone else, then validated. */
function adminInput<T>(
  actor: SessionUser,
  schema: z.ZodType<T>,
  input: unknown,
): { ok: true; data: T } | WorkflowFailure {
  return adminOnly(actor) ?? validate(schema, input);
}

/** Records in the organisation's administration log what an administratör did to a unit or user. */
export async function recordAdminEvent(
  db: Database,
  actor: SessionUser,
  event: Pick<OrganisationEventEntry, "action" | "targetKind" | "targetId" | "details">,
): Promise<void> {
  await recordOrganisationEvent(db, { organisationId: actor.organisationId, actorId: actor.id, ...event });
}

/** An administratör's read of the organisation's records (`read` gets its id); 403 for anyone else. */
export function adminRead<A extends unknown[], T>(
  read: (db: Database, organisationId: string, ...args: A) => Promise<T>,
): (db: Database, actor: SessionUser, ...args: A) => Promise<WorkflowResult<T>> {
  return async (db, actor, ...args) =>
    adminOnly(actor) ?? succeed(await read(db, actor.organisationId, ...args));
}

/** One kind of record the administration keeps: how one is found in an organisation, and the 404 text. */
export interface Administered<R> {
  find: (db: Database, organisationId: string, id: string) => Promise<R | null>;
  notFound: string;
}

/** The record with this id in the administratör's organisation; 403 for anyone else, 404 when unknown. */
export async function administered<R>(
  db: Database,
  actor: SessionUser,
  kind: Administered<R>,
  id: string,
): Promise<WorkflowResult<R>> {
  const denied = adminOnly(actor);
  if (denied) return denied;
  const record = await kind.find(db, actor.organisationId, id);
  return record ? succeed(record) : fail("not-found", kind.notFound);
}

/** An administratör's use case on validated input: 403 for anyone else, then 400 when `schema` refuses it. */
export function adminRequest<I, T>(
  schema: z.ZodType<I>,
  run: (db: Database, actor: SessionUser, data: I) => Promise<WorkflowResult<T>>,
): (db: Database, actor: SessionUser, input: unknown) => Promise<WorkflowResult<T>> {
  return async (db, actor, input) => {
    const body = adminInput(actor, schema, input);
    return body.ok ? run(db, actor, body.data) : body;
  };
}

/**
 * An administratör's change to one record: 403 for anyone else, 400 for bad or empty input, 404 for
 * an unknown id; `run` gets the record as it was and the change.
 */
export function adminChange<R, C extends object, T>(
  kind: Administered<R> & { schema: z.ZodType<C> },
  run: (db: Database, actor: SessionUser, before: R, change: C) => Promise<WorkflowResult<T>>,
): (db: Database, actor: SessionUser, id: string, input: unknown) => Promise<WorkflowResult<T>> {
  return async (db, actor, id, input) => {
    const body = adminInput(actor, kind.schema, input);
    if (!body.ok) return body;
    const empty = nothingToChange(body.data);
    if (empty) return empty;
    const before = await kind.find(db, actor.organisationId, id);
    return before ? run(db, actor, before, body.data) : fail("not-found", kind.notFound);
  };
}

/** How a record is deleted, what may keep it (a 409 with that text) and what the log keeps of it. */
export interface Removal<R> extends Administered<R> {
  targetKind: OrganisationEventEntry["targetKind"];
  refusal?: (db: Database, record: R) => Promise<string | null> | string | null;
  remove: (db: Database, id: string) => Promise<void>;
  logged: (record: R) => Record<string, unknown>;
}

/** An administratör's deletion of one record, logged as `<targetKind>.deleted`; 403, 404 or 409 otherwise. */
export function adminRemoval<R extends { id: string }>(
  removal: Removal<R>,
): (db: Database, actor: SessionUser, id: string) => Promise<WorkflowResult<{ deleted: true }>> {
  return async (db, actor, id) => {
    const found = await administered(db, actor, removal, id);
    if (!found.ok) return found;
    const record = found.value;
    const refusal = await removal.refusal?.(db, record);
    if (refusal) return fail("conflict", refusal);
    await removal.remove(db, record.id);
    await recordAdminEvent(db, actor, {
      action: `${removal.targetKind}.deleted`,
      targetKind: removal.targetKind,
      targetId: record.id,
      details: removal.logged(record),
    });
    return succeed({ deleted: true });
  };
}
