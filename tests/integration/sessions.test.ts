import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isSessionActive } from "../../auth/session-check";
import { loadSessionUser } from "../../db/queries/users";
import { accountEvents, userSessions } from "../../db/schema";
import { attemptLogin } from "../../workflow/login";
import { endUserSessions, setUserActive, signOutSession } from "../../workflow/sessions";
import { closeCodeOf, openRawSocket } from "../support/clients";
import { collabFixture } from "../support/fixture";
import { sessionIdOf } from "../support/session";

const collab = collabFixture();
const BOU = "handlaggare.bou@demo.test";

function closed(ws: import("ws").WebSocket) {
  return new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}

async function sessionUser(email: string) {
  const user = await loadSessionUser(collab.database.connection.db, await collab.userIdOf(email));
  if (!user) throw new Error(`No user ${email}`);
  return user;
}

describe("server-side sessions", () => {
  it("after sign-out, the old cookie's open socket is closed with 4401 and a new one is refused", async () => {
    const { db } = collab.database.connection;
    const cookie = await collab.cookieFor(BOU);
    const open = await openRawSocket(collab.roomUrl, { cookie });
    const closing = closed(open);

    await signOutSession(db, await sessionIdOf(cookie));

    expect(await closing).toEqual({ code: 4401, reason: "Session ended" });
    expect(await closeCodeOf(collab.roomUrl, { cookie })).toMatchObject({ code: 4401 });
    const [record] = await db
      .select()
      .from(userSessions)
      .where(eq(userSessions.id, await sessionIdOf(cookie)));
    expect(record?.revokedReason).toBe("signed-out");
    expect(record?.revokedAt).not.toBeNull();
  });

  it("refuses a session whose record has expired, even while its JWT is valid", async () => {
    const { db } = collab.database.connection;
    const cookie = await collab.cookieFor(BOU);
    await db
      .update(userSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userSessions.id, await sessionIdOf(cookie)));
    expect(await closeCodeOf(collab.roomUrl, { cookie })).toMatchObject({ code: 4401 });
  });

  it("lets users end all their own sessions, and an administratör those of another user", async () => {
    const { db } = collab.database.connection;
    const first = await collab.cookieFor(BOU);
    const second = await collab.cookieFor(BOU);
    const sockets = await Promise.all(
      [first, second].map((cookie) => openRawSocket(collab.roomUrl, { cookie })),
    );
    const closings = sockets.map(closed);

    const sara = await sessionUser(BOU);
    expect(await endUserSessions(db, sara, sara.id)).toEqual({ ok: true, value: { ended: 2 } });
    expect((await Promise.all(closings)).map(({ code }) => code)).toEqual([4401, 4401]);

    const third = await collab.cookieFor(BOU);
    const granskare = await sessionUser("granskare@demo.test");
    expect(await endUserSessions(db, granskare, sara.id)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await isSessionActive(db, await sessionIdOf(third))).toBe(true);

    const admin = await sessionUser("admin@demo.test");
    expect(await endUserSessions(db, admin, sara.id)).toEqual({ ok: true, value: { ended: 1 } });
    expect(await isSessionActive(db, await sessionIdOf(third))).toBe(false);

    const recorded = await db.select().from(accountEvents).where(eq(accountEvents.userId, sara.id));
    expect(recorded.map(({ action, actorId }) => ({ action, actorId }))).toEqual([
      { action: "sessions.ended", actorId: sara.id },
      { action: "sessions.ended", actorId: admin.id },
    ]);
  });

  it("deactivating a user ends their sessions and sign-ins; only an administratör may, and may reactivate", async () => {
    const { db } = collab.database.connection;
    const cookie = await collab.cookieFor(BOU);
    const open = await openRawSocket(collab.roomUrl, { cookie });
    const closing = closed(open);
    const sara = await sessionUser(BOU);
    const admin = await sessionUser("admin@demo.test");

    expect(await setUserActive(db, await sessionUser("direktor@demo.test"), sara.id, false)).toMatchObject({
      ok: false,
      kind: "forbidden",
    });
    expect(await setUserActive(db, admin, sara.id, false)).toEqual({
      ok: true,
      value: { active: false, endedSessions: 1 },
    });
    expect(await closing).toEqual({ code: 4401, reason: "Session ended" });
    const login = { email: BOU, password: "beredning-demo", clientAddress: "10.3.0.1" };
    expect(await attemptLogin(db, login)).toMatchObject({ ok: false, reason: "wrong" });

    expect(await setUserActive(db, admin, sara.id, true)).toMatchObject({ ok: true });
    expect(await attemptLogin(db, login)).toMatchObject({ ok: true });
  });
});
