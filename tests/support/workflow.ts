import { expect } from "vitest";
import { loadSessionUser, type SessionUser } from "../../db/queries/users";
import type { FailureKind, WorkflowResult } from "../../workflow/result";
import type { CollabFixture } from "./fixture";

export const HANDLAGGARE_BOU = "handlaggare.bou@demo.test";
export const HANDLAGGARE_EB = "handlaggare.eb@demo.test";
export const GRANSKARE = "granskare@demo.test";
export const ENHETSCHEF_BOU = "enhetschef.bou@demo.test";
export const ENHETSCHEF_EB = "enhetschef.eb@demo.test";
export const AVDELNINGSCHEF = "avdelningschef@demo.test";
export const DIREKTOR = "direktor@demo.test";

export { YTTRANDE } from "./sections";

/** The success value of a workflow call; fails the test with the refusal otherwise. */
export function expectOk<T>(result: WorkflowResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.kind}: ${result.error}`);
  return result.value;
}

/** The refusal of a workflow call, after checking its kind. */
export function expectRefusal<T>(
  result: WorkflowResult<T>,
  kind: FailureKind,
): { error: string; details: Record<string, unknown> } {
  if (result.ok) throw new Error(`Expected ${kind}, got success`);
  expect(result.kind, result.error).toBe(kind);
  const details = typeof result.details === "object" && result.details !== null ? result.details : {};
  return { error: result.error, details: details as Record<string, unknown> };
}

/** The user as the server loads them for a request. */
export async function sessionUserOf(collab: CollabFixture, email: string): Promise<SessionUser> {
  const user = await loadSessionUser(collab.database.connection.db, await collab.userIdOf(email));
  if (!user) throw new Error(`No session user for ${email}`);
  return user;
}
