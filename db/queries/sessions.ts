import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { userSessions, users } from "../schema";

export type SessionEndReason = "signed-out" | "ended-by-user" | "ended-by-admin" | "deactivated";

/** Opens a session record for a sign-in; its id goes into the session token. */
export async function createSession(db: Database, userId: string, maxAgeSeconds: number): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) })
    .returning({ id: userSessions.id });
  if (!row) throw new Error("Session insert returned no row");
  return row.id;
}

/** Whether the session is neither revoked nor expired; notes that it was seen when it is. */
export async function touchActiveSession(db: Database, sessionId: string): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(userSessions.id, sessionId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

/** Revokes one session; the user it belonged to, or null when it was not active. */
export async function revokeSession(
  db: Database,
  sessionId: string,
  reason: SessionEndReason,
): Promise<string | null> {
  const [row] = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)))
    .returning({ userId: userSessions.userId });
  return row?.userId ?? null;
}

/** Revokes every open session of a user; the ids of those revoked. */
export async function revokeUserSessions(
  db: Database,
  userId: string,
  reason: SessionEndReason,
): Promise<string[]> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.map((row) => row.id);
}

/** Marks an account deactivated (or active again). */
export async function setDeactivated(db: Database, userId: string, deactivated: boolean): Promise<void> {
  await db
    .update(users)
    .set({ deactivatedAt: deactivated ? sql`now()` : null })
    .where(eq(users.id, userId));
}
