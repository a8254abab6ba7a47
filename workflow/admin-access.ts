import type { z } from "zod";
import type { Database } from "../db/client";
import { type OrganisationEventEntry, recordOrganisationEvent } from "../db/queries/organisation-events";
import type { SessionUser } from "../db/queries/users";
import { isAdministrator } from "../domain/access";
import { fail, type WorkflowFailure } from "./result";

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
export function nothingToChange(change: object): WorkflowFailure | null {
  return Object.keys(change).length === 0 ? fail("invalid", NOTHING_TO_CHANGE) : null;
}

/** An administratör's request: refused with 403 for anyone else, then validated. */
export function adminInput<T>(
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
