import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDocument } from "../../server/collab/document-store";
import {
  findFreePort,
  killServerProcesses,
  type ServerProcess,
  spawnServerProcess,
  waitForHealth,
} from "../support/child-server";
import { closeCodeOf, connectClient, type TestClient, waitForDocs, waitForSynced } from "../support/clients";
import { type ChildProcessDatabase, createChildProcessDatabase } from "../support/database";
import { paragraphText, sectionText } from "../support/document";
import { sessionCookieFor } from "../support/session";

const KEYSTROKES = 200;
const KILL_AT = 70;
const RESTART_AT = 130;
const typed = (alphabet: string) =>
  Array.from({ length: KEYSTROKES }, (_, i) => alphabet[i % alphabet.length]);
const SARA = typed("abcdefghijklmnopqrstuvwxyzåäö");
const INGRID = typed("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789");
/** Sara's own section, Ingrid's own section, and the paragraph both type into. */
const SARA_OWN = "sammanfattning";
const INGRID_OWN = "arendets-beredning";
const SHARED = "bakgrund";

let database: ChildProcessDatabase;
const clients: TestClient[] = [];

beforeEach(async () => {
  database = await createChildProcessDatabase();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await killServerProcesses();
  await database.drop();
});

/** A new keystroke only after timers ran, so typing spans several of the server's write batches. */
const nextKeystroke = () => new Promise((resolve) => setTimeout(resolve, 1));

const closedOnce = (client: TestClient) =>
  new Promise<void>((resolve) => client.provider.once("connection-close", () => resolve()));

describe("crash recovery", () => {
  it("loses no keystroke when the server process is killed while two users type", async () => {
    const statementId = database.seedStatementId;
    const [saraCookie, ingridCookie] = await database.withConnection((db) =>
      Promise.all([
        sessionCookieFor(db, "handlaggare.bou@demo.test"),
        sessionCookieFor(db, "avdelningschef@demo.test"),
      ]),
    );
    const port = await findFreePort();
    const startServer = async () => {
      const server = spawnServerProcess(port, database.env);
      await waitForHealth(server);
      return server;
    };
    let server: ServerProcess = await startServer();

    const url = `ws://127.0.0.1:${port}/collab`;
    const sara = connectClient(url, statementId, saraCookie);
    const ingrid = connectClient(url, statementId, ingridCookie);
    clients.push(sara, ingrid);
    await Promise.all([waitForSynced(sara), waitForSynced(ingrid)]);
    const original = {
      saraOwn: paragraphText(sara.doc, SARA_OWN).toString(),
      ingridOwn: paragraphText(sara.doc, INGRID_OWN).toString(),
      shared: paragraphText(sara.doc, SHARED).toString(),
    };

    let bothDisconnected: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < KEYSTROKES; i++) {
      if (i === KILL_AT) {
        // Mid-typing, without a chance to flush: the last batches never reach the database.
        bothDisconnected = Promise.all([closedOnce(sara), closedOnce(ingrid)]);
        server.child.kill("SIGKILL");
      }
      if (i === RESTART_AT) {
        await Promise.all([server.exited, bothDisconnected]);
        server = await startServer();
        // The providers reconnect by themselves; their sync hands the new server what it lacks.
        await Promise.all([waitForSynced(sara), waitForSynced(ingrid)]);
      }
      // Sara types at the start of her own text and of the shared paragraph, Ingrid at the end of it.
      paragraphText(sara.doc, SARA_OWN).insert(i, SARA[i] ?? "");
      paragraphText(sara.doc, SHARED).insert(i, SARA[i] ?? "");
      paragraphText(ingrid.doc, INGRID_OWN).insert(i, INGRID[i] ?? "");
      const shared = paragraphText(ingrid.doc, SHARED);
      shared.insert(shared.length, INGRID[i] ?? "");
      await nextKeystroke();
    }

    const expected = {
      [SARA_OWN]: SARA.join("") + original.saraOwn,
      [INGRID_OWN]: INGRID.join("") + original.ingridOwn,
      [SHARED]: SARA.join("") + original.shared + INGRID.join(""),
    };
    const complete = (client: TestClient) =>
      Object.entries(expected).every(([key, text]) => paragraphText(client.doc, key).toString() === text);
    await waitForDocs([sara.doc, ingrid.doc], () => complete(sara) && complete(ingrid), 20_000);

    // Both have each other's last keystrokes, which came through the server after their syncs.
    for (const client of clients.splice(0)) client.destroy();
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });

    const stored = await database.withConnection((db) => loadDocument(db, statementId));
    for (const [key, text] of Object.entries(expected)) {
      expect(paragraphText(stored, key).toString()).toBe(text);
      expect(sectionText(stored, key)).toBe(sectionText(sara.doc, key));
      expect(sectionText(stored, key)).toBe(sectionText(ingrid.doc, key));
    }
  });

  it("survives frames that ws itself refuses, which would otherwise be thrown as uncaught errors", async () => {
    const cookie = await database.withConnection((db) => sessionCookieFor(db, "handlaggare.bou@demo.test"));
    const port = await findFreePort();
    const server = spawnServerProcess(port, { ...database.env, COLLAB_MAX_MESSAGE_BYTES: "4096" });
    await waitForHealth(server);
    const url = `ws://127.0.0.1:${port}/collab/${database.seedStatementId}`;

    const tooBig = await closeCodeOf(url, { cookie }, (ws) => ws.send(new Uint8Array(8192)));
    const notUtf8 = await closeCodeOf(url, { cookie }, (ws) =>
      ws.send(Uint8Array.of(0xc3, 0x28), { binary: false }),
    );
    expect([tooBig.code, notUtf8.code]).toEqual([1009, 1007]);

    // Still the same process, still serving: it answers, and a new client syncs.
    await waitForHealth(server);
    const client = connectClient(`ws://127.0.0.1:${port}/collab`, database.seedStatementId, cookie);
    clients.push(client);
    await waitForSynced(client);
    expect(server.child.exitCode).toBeNull();
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
