import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { appendUpdates } from "../../db/queries/documents";
import { documentSnapshots } from "../../db/schema";
import { loadDocument } from "../../server/collab/document-store";
import { waitForDocs } from "../support/clients";
import { insertAtStart, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import {
  decodeSyncFrame,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
  type SyncFrame,
  syncFrame,
} from "../support/frames";
import { WAIT } from "../support/wait";

const EB = "handlaggare.eb@demo.test";
const BOU = "handlaggare.bou@demo.test";

/**
 * A raw client of the seed statement that sends its sync step 1 (for `state`) the moment the socket
 * opens, as y-websocket does, and records the sync frames the server sends back, in order.
 */
function openingClient(
  url: string,
  cookie: string,
  state: Y.Doc,
  /** Called as each sync frame arrives, before any other event is handled. */
  onFrame: (frame: SyncFrame, socket: WebSocket) => void = () => {},
) {
  const frames: SyncFrame[] = [];
  const socket = new WebSocket(url, { headers: { cookie } });
  socket.binaryType = "nodebuffer";
  socket.on("open", () => socket.send(syncFrame(SYNC_STEP_1, Y.encodeStateVector(state))));
  socket.on("message", (data: Buffer) => {
    const frame = decodeSyncFrame(new Uint8Array(data));
    if (!frame) return;
    frames.push(frame);
    onFrame(frame, socket);
  });
  return {
    frames,
    socket,
    /** The first `count` sync frames, once they have arrived. */
    async first(count: number): Promise<SyncFrame[]> {
      await vi.waitFor(() => expect(frames.length).toBeGreaterThanOrEqual(count), WAIT);
      return frames.slice(0, count);
    },
  };
}

describe("opening a statement that is not loaded", () => {
  const collab = collabFixture();

  async function storedSnapshot(): Promise<Uint8Array> {
    const [row] = await collab.database.connection.db
      .select()
      .from(documentSnapshots)
      .where(eq(documentSnapshots.statementId, collab.database.seedStatementId));
    if (!row) throw new Error("The seed statement has no snapshot");
    expect(row.encoding).toBe(1);
    return row.snapshot;
  }

  /** Edits the statement through a client, then restarts the server: the statement is one V1 snapshot. */
  async function editAndRestart(inserted: string): Promise<void> {
    const writer = await collab.connectAs(BOU);
    const observer = await collab.connectAs(EB);
    insertAtStart(writer.doc, "bakgrund", inserted);
    // Applied by the server once it has reached another client.
    await waitForDocs([observer.doc], () => sectionText(observer.doc, "bakgrund").startsWith(inserted));
    writer.destroy();
    observer.destroy();
    await collab.restartServer();
  }

  it("sends a new client the stored snapshot as it is, before the room has been built", async () => {
    await editAndRestart("Skickas direkt ur lagret. ");
    expect(collab.server.collab.loadedRooms).toBe(0);
    const client = openingClient(collab.roomUrl, await collab.cookieFor(EB), new Y.Doc());

    const [answer, serverStep1] = await client.first(2);
    // Answered before the room's own sync step 1, which is sent once the room is built.
    expect(answer?.step).toBe(SYNC_STEP_2);
    expect(serverStep1?.step).toBe(SYNC_STEP_1);
    expect(answer?.payload).toEqual(await storedSnapshot());
    const received = new Y.Doc();
    Y.applyUpdate(received, answer?.payload ?? new Uint8Array());
    expect(sectionText(received, "bakgrund")).toMatch(/^Skickas direkt ur lagret\. /);
    // Not answered a second time once the room is built: a round trip shows nothing came in between.
    client.socket.send(syncFrame(SYNC_STEP_1, Y.encodeStateVector(received)));
    const frames = await client.first(3);
    expect(frames.map((frame) => frame.step)).toEqual([SYNC_STEP_2, SYNC_STEP_1, SYNC_STEP_2]);
    expect(frames[2]?.payload.byteLength).toBeLessThan((answer?.payload.byteLength ?? 0) / 10);
    client.socket.close();
  });

  it("keeps the edit of a client that edits and leaves as soon as it has the stored state", async () => {
    // Edits and closes the moment the answer arrives, as a quick user's client could.
    const editAndLeave = (frame: SyncFrame, socket: WebSocket) => {
      if (frame.step !== SYNC_STEP_2) return;
      const copy = new Y.Doc();
      Y.applyUpdate(copy, frame.payload);
      const before = Y.encodeStateVector(copy);
      insertAtStart(copy, "bakgrund", "Skrivet innan rummet byggts. ");
      socket.send(syncFrame(SYNC_UPDATE, Y.encodeStateAsUpdate(copy, before)));
      socket.close();
    };
    const client = openingClient(collab.roomUrl, await collab.cookieFor(BOU), new Y.Doc(), editAndLeave);
    const [answer] = await client.first(1);
    expect(answer?.step).toBe(SYNC_STEP_2);

    await vi.waitFor(() => expect(collab.server.collab.loadedRooms).toBe(0), WAIT);
    const stored = await loadDocument(collab.database.connection.db, collab.database.seedStatementId);
    expect(sectionText(stored, "bakgrund")).toMatch(/^Skrivet innan rummet byggts\. /);
  });

  it("answers a client that already holds the document from the built room", async () => {
    await editAndRestart("Klienten har redan texten. ");
    const held = await loadDocument(collab.database.connection.db, collab.database.seedStatementId);
    const client = openingClient(collab.roomUrl, await collab.cookieFor(EB), held);

    const [serverStep1, answer] = await client.first(2);
    expect(serverStep1?.step).toBe(SYNC_STEP_1);
    expect(answer?.step).toBe(SYNC_STEP_2);
    // It lacks nothing: the answer carries no structs, only the delete set.
    expect(answer?.payload.byteLength).toBeLessThan((await storedSnapshot()).byteLength / 10);
    client.socket.close();
  });

  it("answers from the built room when logged updates follow the snapshot (after a crash)", async () => {
    const { db } = collab.database.connection;
    const statementId = collab.database.seedStatementId;
    expect(collab.server.collab.loadedRooms).toBe(0);
    const copy = await loadDocument(db, statementId);
    const before = Y.encodeStateVector(copy);
    insertAtStart(copy, "bakgrund", "Loggad efter ögonblicksbilden. ");
    await appendUpdates(db, [{ statementId, authorId: null, update: Y.encodeStateAsUpdate(copy, before) }]);

    const client = openingClient(collab.roomUrl, await collab.cookieFor(EB), new Y.Doc());
    const [serverStep1, answer] = await client.first(2);
    expect(serverStep1?.step).toBe(SYNC_STEP_1);
    expect(answer?.step).toBe(SYNC_STEP_2);
    const received = new Y.Doc();
    Y.applyUpdate(received, answer?.payload ?? new Uint8Array());
    expect(sectionText(received, "bakgrund")).toMatch(/^Loggad efter ögonblicksbilden\. /);
    client.socket.close();
  });
});
