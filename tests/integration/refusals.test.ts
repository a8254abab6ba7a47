import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { organisations, userRoles, users } from "../../db/schema";
import { closeCodeOf } from "../support/clients";
import { sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { sessionCookieFor } from "../support/session";

const collab = collabFixture();
const BOU = "handlaggare.bou@demo.test";

/** The close code the server answers a socket to `statementId` with. */
async function refusalOf(statementId: string, headers: Record<string, string>) {
  return closeCodeOf(`${collab.server.wsUrl}/${statementId}`, headers);
}

describe("refused connections", () => {
  it("closes a socket without a session cookie with 4401", async () => {
    expect(await refusalOf(collab.database.seedStatementId, {})).toMatchObject({ code: 4401 });
  });

  it.each([
    ["a garbage token", async () => "next-auth.session-token=not-a-jwt"],
    ["an expired session", () => cookieOf(BOU, { maxAge: -3600 })],
    ["a session signed with another secret", () => cookieOf(BOU, { secret: "x".repeat(64) })],
  ])("closes a socket with %s with 4401", async (_case, cookie) => {
    const headers = { cookie: await cookie() };
    expect(await refusalOf(collab.database.seedStatementId, headers)).toMatchObject({ code: 4401 });
  });

  it("closes a socket of a user of another organisation with 4403", async () => {
    const { db } = collab.database.connection;
    const [other] = await db.insert(organisations).values({ name: "Annan förvaltning" }).returning();
    if (!other) throw new Error("Organisation insert returned no row");
    const [outsider] = await db
      .insert(users)
      .values({ organisationId: other.id, email: "direktor@annan.test", name: "Annan Direktör" })
      .returning();
    if (!outsider) throw new Error("User insert returned no row");
    // A role that could write in its own organisation: only the organisation may stop it.
    await db.insert(userRoles).values({ userId: outsider.id, role: "stadsdelsdirektor", unitId: null });
    const headers = { cookie: await collab.cookieFor("direktor@annan.test") };
    expect(await refusalOf(collab.database.seedStatementId, headers)).toMatchObject({ code: 4403 });
  });

  it("closes a socket opened from a page of another site with 4403, and admits its own origin", async () => {
    const cookie = await collab.cookieFor(BOU);
    for (const origin of ["https://evil.example", "http://127.0.0.1:1", "null"]) {
      expect(await refusalOf(collab.database.seedStatementId, { cookie, origin })).toMatchObject({
        code: 4403,
      });
    }
    // Control: the same cookie from the server's own origin is admitted (the server speaks first).
    const own = await closeCodeOf(
      collab.roomUrl,
      { cookie, origin: `http://127.0.0.1:${collab.server.port}` },
      (ws) => ws.once("message", () => ws.close(1000)),
    );
    expect(own.code).toBe(1000);
  });

  it.each([
    ["an unknown statement uuid", randomUUID()],
    ["a non-uuid id", "not-a-statement"],
    ["an id with SQL in it", "'%20OR%201=1--"],
    ["an id that is not valid percent-encoding", "%E0%A4%A"],
  ])("closes a socket for %s with 4404", async (_case, statementId) => {
    const headers = { cookie: await collab.cookieFor(BOU) };
    expect(await refusalOf(statementId, headers)).toMatchObject({ code: 4404 });
  });

  it("makes a stock provider without a cookie stop with 4401, never synced", async () => {
    const client = await collab.connect(null);
    const closes: number[] = [];
    client.provider.on("connection-close", (event: CloseEvent | null) => {
      if (event) closes.push(event.code);
    });
    const closed = await new Promise<{ code: number }>((resolve) => client.provider.once("closed", resolve));
    expect(closed.code).toBe(4401);
    expect(closes).toEqual([4401]);
    // y-websocket treats 44xx as final: it will not reconnect, and it never received the document.
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.provider.synced).toBe(false);
    expect(sectionText(client.doc, "bakgrund")).toBe("");
  });
});

function cookieOf(email: string, options: { maxAge?: number; secret?: string }) {
  return sessionCookieFor(collab.database.connection.db, email, options.secret, options.maxAge);
}
