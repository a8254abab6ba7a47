import { describe, expect, it, vi } from "vitest";
import type { StatementEvent } from "../../events/statement-events";
import { signOutSession } from "../../workflow/sessions";
import { finalise, NODES_UNREACHABLE } from "../../workflow/sign-off";
import { startCollabServer } from "../support/app";
import {
  closeCodeOf,
  connectClient,
  openRawSocket,
  type TestClient,
  waitForAwareness,
  waitForDocs,
  waitForSynced,
} from "../support/clients";
import { createTestDatabase } from "../support/database";
import { insertAtStart, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { nodesFixture, stopNode } from "../support/nodes";
import { sessionIdOf } from "../support/session";
import { signOffHelpers } from "../support/sign-off";
import { WAIT } from "../support/wait";
import {
  DIREKTOR,
  ENHETSCHEF_BOU,
  ENHETSCHEF_EB,
  expectOk,
  HANDLAGGARE_BOU,
  HANDLAGGARE_EB,
  YTTRANDE,
} from "../support/workflow";

const onPostgres = process.env.TEST_DB === "postgres";

// Several nodes share one PostgreSQL database; PGlite belongs to one process, so on the PGlite
// project this is skipped (the same file runs on PostgreSQL in `npm test`).
/*
 * Node one is this process (its workflow calls are the API's), node two (and three) a server
 * process; all over the test's PostgreSQL database and a throwaway Redis.
 */
describe.skipIf(!onPostgres)("statement events across nodes", () => {
  const nodes = nodesFixture();
  const collab = collabFixture((database) => ({
    REDIS_URL: nodes.redis.url,
    DATABASE_URL: database.url ?? "",
  }));
  const signOff = signOffHelpers(collab);

  const startNodeTwo = () => nodes.startNode({ DATABASE_URL: collab.database.url ?? "" });
  const connectTo = async (node: { wsUrl: string }, email: string): Promise<TestClient> => {
    const client = connectClient(node.wsUrl, signOff.seed(), await collab.cookieFor(email));
    await waitForSynced(client);
    return client;
  };

  it("an approval made through node one goes stale on an edit through node two, with one stale audit event although three nodes hold it", async () => {
    const [two, three] = await nodes.startTwo({ DATABASE_URL: collab.database.url ?? "" });
    const writer = await connectTo(two, HANDLAGGARE_EB);
    // All three nodes hold the statement: each could check the edit, and exactly one may record it.
    const watchers = [await connectTo(collab.server, ENHETSCHEF_BOU), await connectTo(three, ENHETSCHEF_EB)];
    const clients = [writer, ...watchers];
    try {
      const approvedHash = await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);
      insertAtStart(writer.doc, YTTRANDE, "Ändrat ");
      const [stale] = await signOff.waitForStaleness(YTTRANDE, true, 1);
      expect(stale?.contentHash).toBe(approvedHash);
      for (const watcher of watchers) {
        await waitForDocs([watcher.doc], () => sectionText(watcher.doc, YTTRANDE).startsWith("Ändrat "));
      }
      // A node ends its checks as it lets the statement go: two and three as they stop, one as it unloads.
      for (const client of clients.splice(0)) client.destroy();
      expect(await Promise.all([two, three].map(stopNode))).toEqual([
        { code: 0, signal: null },
        { code: 0, signal: null },
      ]);
      await vi.waitFor(() => expect(collab.server.collab.loadedRooms).toBe(0), WAIT);
      const staleEvents = await signOff.audit("approval.stale");
      expect(staleEvents).toHaveLength(1);
      // Credited to the writer: recorded by node two, which received the edit, not by a node it reached by relay.
      expect(staleEvents[0]?.details).toMatchObject({ changedBy: [await collab.userIdOf(HANDLAGGARE_EB)] });
    } finally {
      for (const client of clients) client.destroy();
    }
  }, 100_000);

  it("freezes a statement finalised through node one on node two, which drops its writer's edits", async () => {
    const two = await startNodeTwo();
    const writer = await connectTo(two, HANDLAGGARE_BOU);
    const observer = await collab.connectAs(HANDLAGGARE_EB);
    try {
      await signOff.approveEverySection();
      expectOk(await finalise(signOff.db(), await signOff.user(DIREKTOR), signOff.seed()));
      // Node one published the status event before this presence change, on the same connection:
      // once the writer has the change, node two has had the event.
      observer.provider.awareness.setLocalStateField("section", "bakgrund");
      await waitForAwareness(
        writer.provider.awareness,
        () => writer.provider.awareness.getStates().get(observer.doc.clientID)?.section === "bakgrund",
      );
      await signOff.expectEditDropped(writer, observer);
    } finally {
      writer.destroy();
    }
  }, 100_000);

  it("refuses a justering through node one with 503 while Redis is unreachable and node two holds the statement", async () => {
    const two = await startNodeTwo();
    const writer = await connectTo(two, HANDLAGGARE_BOU);
    const observer = await collab.connectAs(HANDLAGGARE_EB);
    try {
      await signOff.approveEverySection();
      await nodes.redis.stop();
      // Node one cannot freeze node two's copy, which may hold edits node one has not seen.
      expect(await finalise(signOff.db(), await signOff.user(DIREKTOR), signOff.seed())).toMatchObject({
        ok: false,
        kind: "unavailable",
        error: NODES_UNREACHABLE,
      });
      await nodes.redis.restart();
      // Still a draft on both nodes: the writer's next edit reaches node one's client.
      insertAtStart(writer.doc, "bakgrund", "Efter avbrottet. ");
      await waitForDocs([observer.doc], () =>
        sectionText(observer.doc, "bakgrund").startsWith("Efter avbrottet."),
      );
    } finally {
      writer.destroy();
    }
  }, 100_000);

  it("delivers node two's staleness event to pages on node one", async () => {
    const two = await startNodeTwo();
    const writer = await connectTo(two, HANDLAGGARE_EB);
    try {
      await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);
      // Node one has let the statement go: only node two can record and announce the staleness.
      await vi.waitFor(() => expect(collab.server.collab.loadedRooms).toBe(0), WAIT);
      const events: StatementEvent[] = [];
      const unsubscribe = collab.server.services.statementEvents.subscribe(signOff.seed(), (event) =>
        events.push(event),
      );
      try {
        insertAtStart(writer.doc, YTTRANDE, "Ändrat ");
        await signOff.waitForStaleness(YTTRANDE, true, 1);
        await vi.waitFor(
          () => expect(events).toContainEqual({ statementId: signOff.seed(), kind: "approvals" }),
          WAIT,
        );
      } finally {
        unsubscribe();
      }
      expect(collab.server.collab.loadedRooms).toBe(0);
    } finally {
      writer.destroy();
    }
  }, 100_000);

  it("gives a client opening a statement on node one the edits node two holds and hasn't written yet", async () => {
    // Node two writes its update log a second after an edit at the soonest.
    const two = await nodes.startNode({ DATABASE_URL: collab.database.url ?? "", COLLAB_FLUSH_MS: "1000" });
    const writer = await connectTo(two, HANDLAGGARE_EB);
    const watcher = await connectTo(two, HANDLAGGARE_BOU);
    try {
      insertAtStart(writer.doc, YTTRANDE, "Osparat ");
      await waitForDocs([watcher.doc], () => sectionText(watcher.doc, YTTRANDE).startsWith("Osparat "));
      expect(collab.server.collab.loadedRooms).toBe(0);
      const opener = await collab.connectAs(HANDLAGGARE_BOU);
      // At its first sync, not later: it is never shown the statement without them.
      expect(sectionText(opener.doc, YTTRANDE)).toMatch(/^Osparat /);
    } finally {
      writer.destroy();
      watcher.destroy();
    }
  }, 100_000);

  it("closes a session's socket on node two, and refuses its cookie there, once it is signed out through node one", async () => {
    // Node two asks about open sessions again only every ten minutes: the close can only come over Redis.
    const two = await nodes.startNode({
      DATABASE_URL: collab.database.url ?? "",
      COLLAB_SESSION_RECHECK_MS: "600000",
    });
    const cookie = await collab.cookieFor(HANDLAGGARE_EB);
    const roomOnTwo = `${two.wsUrl}/${signOff.seed()}`;
    const open = await openRawSocket(roomOnTwo, { cookie });
    const closes: { code: number; reason: string }[] = [];
    open.once("close", (code, reason) => closes.push({ code, reason: reason.toString() }));

    await signOutSession(signOff.db(), await sessionIdOf(cookie));

    await vi.waitFor(() => expect(closes).toEqual([{ code: 4401, reason: "Session ended" }]), WAIT);
    // Node two checked this session a moment ago and would answer from its cache, had the bus not told it.
    expect(await closeCodeOf(roomOnTwo, { cookie })).toMatchObject({ code: 4401 });
  }, 100_000);
});

describe.skipIf(onPostgres)("several nodes on PGlite", () => {
  it("refuses to start a node with REDIS_URL over the embedded database", async () => {
    const database = await createTestDatabase();
    try {
      await expect(
        startCollabServer(database.connection, {
          REDIS_URL: "redis://127.0.0.1:1",
          DATABASE_URL: "postgres://unused@127.0.0.1:1/unused",
        }),
      ).rejects.toThrow(/PGlite cannot be shared between nodes/);
    } finally {
      await database.drop();
    }
  });
});
