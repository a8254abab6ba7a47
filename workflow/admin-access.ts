import type { z } from "zod";
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

/** An administratör's request: refused with 403 for anyone else, then validated. */
export function adminInput<T>(
  actor: SessionUser,
  schema: z.ZodType<T>,
  input: unknown,
): { ok: true; data: T } | WorkflowFailure {
  return adminOnly(actor) ?? validate(schema, input);
}
