import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { loadDocument } from "../../server/collab/document-store";
import {
  closeCodeOf,
  connectClient,
  type TestClient,
  waitForAwareness,
  waitForDocs,
  waitForSynced,
} from "../support/clients";
import { type ChildProcessDatabase, createChildProcessDatabase } from "../support/database";
import { paragraphText, sectionText } from "../support/document";
import { type NodeProcess, nodesFixture, stopNode } from "../support/nodes";
import { sessionCookieFor } from "../support/session";
import { AVDELNINGSCHEF, GRANSKARE, HANDLAGGARE_BOU, HANDLAGGARE_EB, YTTRANDE } from "../support/workflow";

const onPostgres = process.env.TEST_DB === "postgres";

/** Sara's own section, Ingrid's own section, the paragraph both type into, and Eva's section. */
const SARA_OWN = "sammanfattning";
const INGRID_OWN = "arendets-beredning";
const SHARED = "bakgrund";
const EVA_OWN = YTTRANDE;
const SARA = "abcdefghijklmnopqrstuvwxyzåäö";
const INGRID = "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789";
const EVA = "0123456789";

/** A new keystroke only after timers ran, so typing spans several relays and write batches. */
const nextKeystroke = () => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * What Sara and Ingrid (and Eva, when she takes part) type, keystroke by keystroke, and the text
 * every section should end with.
 */
class Typing {
  private count = 0;
  private readonly original: Record<string, string>;

  constructor(
    private readonly sara: TestClient,
    private readonly ingrid: TestClient,
    private readonly eva?: TestClient,
  ) {
    this.original = Object.fromEntries(
      [SARA_OWN, INGRID_OWN, SHARED, EVA_OWN].map((key) => [key, paragraphText(sara.doc, key).toString()]),
    );
  }

  /**
   * Sara types at the start of her own text and of the shared paragraph, Ingrid at the end of it;
   * Eva at the start of hers.
   */
  keystroke(): void {
    const i = this.count++;
    const saraKey = SARA[i % SARA.length] ?? "";
    const ingridKey = INGRID[i % INGRID.length] ?? "";
    paragraphText(this.sara.doc, SARA_OWN).insert(i, saraKey);
    paragraphText(this.sara.doc, SHARED).insert(i, saraKey);
    paragraphText(this.ingrid.doc, INGRID_OWN).insert(i, ingridKey);
    const shared = paragraphText(this.ingrid.doc, SHARED);
    shared.insert(shared.length, ingridKey);
    if (this.eva) paragraphText(this.eva.doc, EVA_OWN).insert(i, EVA[i % EVA.length] ?? "");
  }

  expected(): Record<string, string> {
    const typed = (alphabet: string) =>
      Array.from({ length: this.count }, (_, i) => alphabet[i % alphabet.length]).join("");
    return {
      [SARA_OWN]: typed(SARA) + this.original[SARA_OWN],
      [INGRID_OWN]: typed(INGRID) + this.original[INGRID_OWN],
      [SHARED]: typed(SARA) + this.original[SHARED] + typed(INGRID),
      [EVA_OWN]: (this.eva ? typed(EVA) : "") + this.original[EVA_OWN],
    };
  }

  holdsEverything(client: TestClient): boolean {
    return Object.entries(this.expected()).every(
      ([key, text]) => paragraphText(client.doc, key).toString() === text,
    );
  }
}

// Several nodes share one PostgreSQL database; PGlite belongs to one process, so on the PGlite
// project this is skipped (the same file runs on PostgreSQL in `npm test`).
describe.skipIf(!onPostgres)("several nodes over Redis and one PostgreSQL", () => {
  const nodes = nodesFixture();
  let database: ChildProcessDatabase;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    database = await createChildProcessDatabase();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await database.drop();
  });

  const cookieOf = (email: string) => database.withConnection((db) => sessionCookieFor(db, email));
  const connect = async (node: NodeProcess, email: string) => {
    const client = connectClient(node.wsUrl, database.seedStatementId, await cookieOf(email));
    clients.push(client);
    await waitForSynced(client);
    return client;
  };
  const storedDocument = () => database.withConnection((db) => loadDocument(db, database.seedStatementId));
  /** Waits until every client holds all that was typed. */
  const untilAllHold = (typing: Typing, everyone: TestClient[]) =>
    waitForDocs(
      everyone.map((client) => client.doc),
      () => everyone.every((client) => typing.holdsEverything(client)),
      20_000,
    );
  /** The stored document holds exactly what was typed; resolves to it. */
  const expectStoredAsTyped = async (typing: Typing): Promise<Y.Doc> => {
    const stored = await storedDocument();
    for (const [key, text] of Object.entries(typing.expected())) {
      expect(paragraphText(stored, key).toString()).toBe(text);
    }
    return stored;
  };

  it("relays every keystroke between three nodes, and the database equals the clients after shutdown", async () => {
    // Compactions every few updates on every node, while both type: one at a time, none losing any.
    const env = { ...database.env, COLLAB_COMPACT_EVERY: "10" };
    const started = await nodes.startThree(env);
    const [one, two, three] = started;
    const sara = await connect(one, HANDLAGGARE_BOU);
    const ingrid = await connect(two, AVDELNINGSCHEF);
    const typing = new Typing(sara, ingrid);

    for (let i = 0; i < 60; i++) {
      typing.keystroke();
      await nextKeystroke();
    }
    // A node that opens the statement now gets the keystrokes from the nodes that hold it.
    const observer = await connect(three, GRANSKARE);
    for (let i = 0; i < 60; i++) {
      typing.keystroke();
      await nextKeystroke();
    }
    await untilAllHold(typing, [sara, ingrid, observer]);

    for (const client of clients.splice(0)) client.destroy();
    expect(await Promise.all(started.map(stopNode))).toEqual(started.map(() => ({ code: 0, signal: null })));
    const stored = await expectStoredAsTyped(typing);
    for (const key of Object.keys(typing.expected())) {
      expect(sectionText(stored, key)).toBe(sectionText(sara.doc, key));
    }
  }, 100_000);

  it("shows presence across three nodes, and removes a killed node's clients everywhere within 25 s", async () => {
    const [one, two, three] = await nodes.startThree(database.env);
    const sara = await connect(one, HANDLAGGARE_BOU);
    const ingrid = await connect(two, AVDELNINGSCHEF);
    const observer = await connect(three, GRANSKARE);
    sara.provider.awareness.setLocalStateField("section", SARA_OWN);
    ingrid.provider.awareness.setLocalStateField("section", INGRID_OWN);
    const seenBy = (viewer: TestClient, client: TestClient) =>
      viewer.provider.awareness.getStates().get(client.doc.clientID);
    for (const viewer of [ingrid, observer]) {
      await waitForAwareness(viewer.provider.awareness, () => seenBy(viewer, sara)?.section === SARA_OWN);
    }
    for (const viewer of [sara, observer]) {
      await waitForAwareness(viewer.provider.awareness, () => seenBy(viewer, ingrid)?.section === INGRID_OWN);
    }
    // The server pins the identity: the others see Sara's name as the server knows it.
    expect(seenBy(ingrid, sara)?.user).toMatchObject({ name: expect.any(String) });

    one.child.kill("SIGKILL");
    // Clients drop a silent peer after 30 s by themselves; within 25 s only the nodes can have.
    for (const viewer of [ingrid, observer]) {
      await waitForAwareness(viewer.provider.awareness, () => seenBy(viewer, sara) === undefined, 25_000);
    }
    expect(seenBy(observer, ingrid)?.section).toBe(INGRID_OWN);
  }, 100_000);

  it.each([
    ["killed (SIGKILL)", "SIGKILL"],
    ["stopped (SIGTERM)", "SIGTERM"],
  ] as const)(
    "loses no keystroke when one of three nodes is %s mid-typing and its clients reconnect to the others",
    async (_, signal) => {
      const [one, two, three] = await nodes.startThree(database.env);
      const sara = await connect(one, HANDLAGGARE_BOU);
      const eva = await connect(one, HANDLAGGARE_EB);
      const ingrid = await connect(two, AVDELNINGSCHEF);
      // Node three holds the statement too, though only its reader's client is there until node one goes.
      const reader = await connect(three, GRANSKARE);
      const typing = new Typing(sara, ingrid, eva);

      for (let i = 0; i < 150; i++) {
        if (i === 50) {
          // Killed, node one never writes its last batches; stopped, it hands them over on the way out.
          const closed = [sara, eva].map(
            (client) =>
              new Promise<void>((resolve) => client.provider.once("connection-close", () => resolve())),
          );
          one.child.kill(signal);
          await Promise.all([one.exited, ...closed]);
          sara.provider.serverUrl = two.wsUrl;
          eva.provider.serverUrl = three.wsUrl;
        }
        typing.keystroke();
        await nextKeystroke();
      }
      await untilAllHold(typing, [sara, eva, ingrid, reader]);

      for (const client of clients.splice(0)) client.destroy();
      expect(await Promise.all([two, three].map(stopNode))).toEqual([
        { code: 0, signal: null },
        { code: 0, signal: null },
      ]);
      await expectStoredAsTyped(typing);
    },
    100_000,
  );

  it("loses and duplicates no keystroke on three nodes when Redis is stopped and restarted mid-typing", async () => {
    const started = await nodes.startThree(database.env);
    const [one, two, three] = started;
    const sara = await connect(one, HANDLAGGARE_BOU);
    const ingrid = await connect(two, AVDELNINGSCHEF);
    const eva = await connect(three, HANDLAGGARE_EB);
    const typing = new Typing(sara, ingrid, eva);

    for (let i = 0; i < 150; i++) {
      if (i === 50) await nodes.redis.stop();
      if (i === 100) await nodes.redis.restart();
      typing.keystroke();
      await nextKeystroke();
    }
    // Each node serves its own client throughout; after Redis is back, they exchange what they missed.
    await untilAllHold(typing, [sara, ingrid, eva]);

    for (const client of clients.splice(0)) client.destroy();
    expect(await Promise.all(started.map(stopNode))).toEqual(started.map(() => ({ code: 0, signal: null })));
    await expectStoredAsTyped(typing);
  }, 100_000);

  it("refuses a statement no node here holds while Redis is unreachable, with 4503, and serves it once Redis is back", async () => {
    const [one] = await nodes.startTwo(database.env);
    await nodes.redis.stop();
    const refused = await closeCodeOf(`${one.wsUrl}/${database.seedStatementId}`, {
      cookie: await cookieOf(HANDLAGGARE_BOU),
    });
    expect(refused.code).toBe(4503);
    await nodes.redis.restart();
    // y-websocket tries again by itself after 4503 and gets in once the node reaches Redis.
    await connect(one, HANDLAGGARE_BOU);
  }, 100_000);
});
