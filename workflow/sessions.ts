import { sessionMaxAgeSeconds } from "../auth/session-lifetime";
import type { Database } from "../db/client";
import { recordAccountEvent } from "../db/queries/account-events";
import { createSession, revokeSession, revokeUserSessions, setDeactivated } from "../db/queries/sessions";
import { loadSessionUser, type SessionUser } from "../db/queries/users";
import { canEndSessionsOf, isAdministrator } from "../domain/access";
import { appServices } from "./app-services";
import { fail, type WorkflowResult } from "./result";

/** Opens the server-side record of a new sign-in; its id goes into the session token. */
export function openSession(db: Database, userId: string): Promise<string> {
  return createSession(db, userId, sessionMaxAgeSeconds());
}

/** "Logga ut": the session is revoked, and open sockets and cached checks of it learn so at once. */
export async function signOutSession(db: Database, sessionId: string): Promise<void> {
  const userId = await revokeSession(db, sessionId, "signed-out");
  appServices().sessionEvents.publish([sessionId]);
  if (!userId) return;
  const user = await loadSessionUser(db, userId);
  if (user) {
    await recordAccountEvent(db, {
      userId,
      email: user.email,
      clientAddress: null,
      action: "session.signed-out",
      details: { sessionId },
    });
  }
}

export const USER_NOT_FOUND = "Användaren finns inte";
export const NO_SESSION_RIGHTS = "Du får bara avsluta dina egna sessioner";

/** Ends every session of a user: the user themself, or an administratör of their organisation. */
export async function endUserSessions(
  db: Database,
  actor: SessionUser,
  targetUserId: string,
): Promise<WorkflowResult<{ ended: number }>> {
  const target = targetUserId === actor.id ? actor : await loadSessionUser(db, targetUserId);
  if (!target || target.organisationId !== actor.organisationId) return fail("not-found", USER_NOT_FOUND);
  if (!canEndSessionsOf(actor, target)) return fail("forbidden", NO_SESSION_RIGHTS);
  const reason = actor.id === target.id ? "ended-by-user" : "ended-by-admin";
  const ended = await revokeUserSessions(db, target.id, reason);
  appServices().sessionEvents.publish(ended);
  await recordAccountEvent(db, {
    userId: target.id,
    email: target.email,
    clientAddress: null,
    action: "sessions.ended",
    actorId: actor.id,
    details: { reason, sessions: ended.length },
  });
  return { ok: true, value: { ended: ended.length } };
}

export const ONLY_ADMINS_DEACTIVATE = "Bara en administratör kan avaktivera eller återaktivera konton";

/**
 * An administratör deactivates (or reactivates) an account of the organisation. Deactivating ends
 * every session of the account at once; the account can no longer sign in.
 */
export async function setUserActive(
  db: Database,
  actor: SessionUser,
  targetUserId: string,
  active: boolean,
): Promise<WorkflowResult<{ active: boolean; endedSessions: number }>> {
  const target = await loadSessionUser(db, targetUserId);
  if (!target || target.organisationId !== actor.organisationId) return fail("not-found", USER_NOT_FOUND);
  if (!isAdministrator(actor) || target.id === actor.id) return fail("forbidden", ONLY_ADMINS_DEACTIVATE);
  await setDeactivated(db, target.id, !active);
  const ended = active ? [] : await revokeUserSessions(db, target.id, "deactivated");
  appServices().sessionEvents.publish(ended);
  await recordAccountEvent(db, {
    userId: target.id,
    email: target.email,
    clientAddress: null,
    action: active ? "user.reactivated" : "user.deactivated",
    actorId: actor.id,
    details: { sessions: ended.length },
  });
  return { ok: true, value: { active, endedSessions: ended.length } };
}
