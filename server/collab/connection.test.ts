import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { presenceIdentityOf } from "../../domain/presence";
import {
  awarenessFrame,
  decodeSyncFrame,
  type ForgedAwarenessEntry,
  readWebSocketFrames,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
  syncFrame,
} from "../../tests/support/frames";
import { CloseCode } from "./close-codes";
import { CollabConnection } from "./connection";
import type { DocumentStore } from "./document-store";
import { silentLogger } from "./logger";
import { EMPTY_STATE_VECTOR, encodeSyncStep2Message } from "./protocol";
import { Room } from "./room";
import { StoredStateHandoff } from "./stored-state-handoff";

/*
 * How a connection answered early from a room's stored state (StoredStateHandoff) joins the room
 * once it is built. Real Y.Docs, rooms and connections; the socket is a stand-in that records what
 * is sent, since these cases depend on the order of events in one process, not on the network.
 */

class RecordingSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  binaryType = "";
  /** The messages written to the TCP stream under it, in order. */
  readonly sent: Uint8Array[] = [];
  write(frames: Uint8Array, callback: (error?: Error | null) => void) {
    this.sent.push(...readWebSocketFrames(frames));
    callback();
    return true;
  }
  closedWith: number | null = null;
  close(code: number) {
    this.readyState = 3;
    this.closedWith = code;
  }
  /** Delivers a frame from the client. */
  receive(frame: Uint8Array) {
    this.emit("message", Buffer.from(frame), true);
  }
}

function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  return syncFrame(SYNC_STEP_1, stateVector);
}

/** [sync step, payload] of each sync message among `frames`; other messages are left out. */
function syncMessages(frames: Uint8Array[]): [number, Uint8Array][] {
  return frames.flatMap((frame) => {
    const sync = decodeSyncFrame(frame);
    return sync ? [[sync.step, sync.payload] as [number, Uint8Array]] : [];
  });
}

function storedDocument(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return doc;
}

const NO_LIMITS = {
  maxMessagesPerSecond: 0,
  maxBytesPerSecond: 0,
  maxAwarenessStateBytes: 0,
  maxStateVectorEntries: 0,
};

/** Bytes a connection in these tests may hold while its room loads. */
const MAX_QUEUED_BYTES = 64 * 1024;

function connect(userId = "user-1") {
  const socket = new RecordingSocket();
  const connection = new CollabConnection(
    socket as unknown as WebSocket,
    socket,
    {
      userId,
      actor: { id: userId, organisationId: "organisation-1", roles: [] },
      canWrite: true,
      presence: presenceIdentityOf({ id: userId, name: userId, roles: [] }),
    },
    silentLogger,
    { maxQueuedBytes: MAX_QUEUED_BYTES, maxMessageBytes: MAX_QUEUED_BYTES, limits: NO_LIMITS },
  );
  return { socket, connection };
}

/** A room built from `stored` by the load `handoff` belongs to. */
function roomFrom(stored: Y.Doc, handoff: StoredStateHandoff, logged: Uint8Array[] = []): Room {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored));
  // Nothing is written in these tests: the store only collects the log, and no compaction is reached.
  const store: Pick<DocumentStore, "append"> = {
    append(_statementId, _authorId, update) {
      logged.push(update);
    },
  };
  const options = {
    store: store as DocumentStore,
    logger: silentLogger,
    compactEvery: Number.MAX_SAFE_INTEGER,
  };
  return new Room("statement-1", doc, options, handoff);
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText("t").toString();
}

/** Inserts `text` at `index` of the client's text: the update a provider sends for that keystroke. */
function typed(client: Y.Doc, text: string, index = 0): Uint8Array {
  const before = Y.encodeStateVector(client);
  client.getText("t").insert(index, text);
  return Y.encodeStateAsUpdate(client, before);
}

/** A client connected and joined to `room`. */
function joined(room: Room, userId: string) {
  const member = connect(userId);
  member.connection.attach(room);
  return member;
}

/** The document updates written to `socket`, in order. */
function updatesTo(socket: RecordingSocket): Uint8Array[] {
  return syncMessages(socket.sent)
    .filter(([step]) => step === SYNC_UPDATE)
    .map(([, payload]) => payload);
}

/** Lets the event-loop turn end, and the fan-out gathered in it go out. */
const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("a connection answered from the stored state", () => {
  const stored = storedDocument("lagrad text");
  const answer = encodeSyncStep2Message(Y.encodeStateAsUpdate(stored));

  it("gets the stored state once, before the room's sync step 1, and nothing more when the room is unchanged", async () => {
    const handoff = new StoredStateHandoff();
    const { socket, connection } = connect();
    socket.receive(syncStep1Frame(EMPTY_STATE_VECTOR));
    await connection.answerFromStoredState(handoff, answer);
    connection.attach(roomFrom(stored, handoff));

    expect(syncMessages(socket.sent).map(([step]) => step)).toEqual([SYNC_STEP_2, SYNC_STEP_1]);
    expect(textOf([syncMessages(socket.sent)[0]?.[1] ?? new Uint8Array()])).toBe("lagrad text");
  });

  it("answers a sync step 1 that arrives after the state was handed over", async () => {
    const handoff = new StoredStateHandoff();
    const { socket, connection } = connect();
    await connection.answerFromStoredState(handoff, answer);
    expect(socket.sent).toHaveLength(0);
    socket.receive(syncStep1Frame(EMPTY_STATE_VECTOR));
    expect(syncMessages(socket.sent).map(([step]) => step)).toEqual([SYNC_STEP_2]);
  });

  it("is sent the whole state again when another client changed the room before it joined", async () => {
    const handoff = new StoredStateHandoff();
    const writer = connect("user-2");
    const reader = connect("user-3");
    const edit = new Y.Doc();
    Y.applyUpdate(edit, Y.encodeStateAsUpdate(stored));
    writer.socket.receive(syncStep1Frame(EMPTY_STATE_VECTOR));
    writer.socket.receive(syncFrame(SYNC_UPDATE, typed(edit, "ny ")));
    reader.socket.receive(syncStep1Frame(EMPTY_STATE_VECTOR));
    await Promise.all([
      writer.connection.answerFromStoredState(handoff, answer),
      reader.connection.answerFromStoredState(handoff, answer),
    ]);

    const room = roomFrom(stored, handoff);
    // The writer joins first: its queued edit is applied before the reader is a member.
    writer.connection.attach(room);
    reader.connection.attach(room);

    const received = syncMessages(reader.socket.sent);
    expect(received.map(([step]) => step)).toEqual([SYNC_STEP_2, SYNC_STEP_1, SYNC_STEP_2]);
    expect(textOf(received.filter(([step]) => step === SYNC_STEP_2).map(([, payload]) => payload))).toBe(
      "ny lagrad text",
    );
  });

  it("is sent the whole state again when it joins a room built by another load", async () => {
    const earlier = new StoredStateHandoff();
    const { socket, connection } = connect();
    socket.receive(syncStep1Frame(EMPTY_STATE_VECTOR));
    await connection.answerFromStoredState(earlier, answer);
    connection.attach(roomFrom(storedDocument("lagrad text, sedan ändrad"), new StoredStateHandoff()));

    const received = syncMessages(socket.sent);
    expect(received.map(([step]) => step)).toEqual([SYNC_STEP_2, SYNC_STEP_1, SYNC_STEP_2]);
    expect(textOf([received[2]?.[1] ?? new Uint8Array()])).toBe("lagrad text, sedan ändrad");
  });

  it("is not answered early when it already holds a state: the built room answers it", async () => {
    const handoff = new StoredStateHandoff();
    const { socket, connection } = connect();
    socket.receive(syncStep1Frame(Y.encodeStateVector(stored)));
    await connection.answerFromStoredState(handoff, answer);
    expect(socket.sent).toHaveLength(0);
    connection.attach(roomFrom(stored, handoff));
    expect(syncMessages(socket.sent).map(([step]) => step)).toEqual([SYNC_STEP_1, SYNC_STEP_2]);
  });
});

describe("a room's answer to new clients", () => {
  it("is encoded once for a long document and kept until the document changes", () => {
    const long = storedDocument("x".repeat(40_000));
    const room = roomFrom(long, new StoredStateHandoff());
    const first = room.syncStep2ForNewClient();
    expect(room.syncStep2ForNewClient()).toBe(first);

    room.doc.getText("t").insert(0, "ändrad ");
    const afterChange = room.syncStep2ForNewClient();
    expect(afterChange).not.toBe(first);
    const [[, payload] = [0, new Uint8Array()]] = syncMessages([afterChange]);
    expect(textOf([payload]).startsWith("ändrad x")).toBe(true);
  });

  it("is encoded each time, and not kept, for a short document", () => {
    const room = roomFrom(storedDocument("kort"), new StoredStateHandoff());
    const first = room.syncStep2ForNewClient();
    expect(room.syncStep2ForNewClient()).not.toBe(first);
    expect(room.syncStep2ForNewClient()).toEqual(first);
  });
});

describe("what a connection holds while its room loads", () => {
  /** A keystroke's update message, as a client sends it. */
  const keystroke = (client: Y.Doc, text: string) => syncFrame(SYNC_UPDATE, typed(client, text));

  it("applies everything sent before the room was built, in order, once it joins", () => {
    const { socket, connection } = connect();
    const client = new Y.Doc();
    for (const character of "abc") socket.receive(keystroke(client, character));
    const room = roomFrom(new Y.Doc(), new StoredStateHandoff());
    connection.attach(room);
    expect(room.doc.getText("t").toString()).toBe("cba");
    expect(socket.closedWith).toBeNull();
  });

  it("closes a connection that sends more bytes than it may hold", () => {
    const { socket, connection } = connect();
    const client = new Y.Doc();
    socket.receive(keystroke(client, "x".repeat(MAX_QUEUED_BYTES / 2)));
    expect(socket.closedWith).toBeNull();
    socket.receive(keystroke(client, "y".repeat(MAX_QUEUED_BYTES / 2)));
    expect(socket.closedWith).toBe(CloseCode.tooManyMessages);
    // Nothing of it reaches the room.
    const room = roomFrom(new Y.Doc(), new StoredStateHandoff());
    connection.attach(room);
    expect(room.doc.getText("t").length).toBe(0);
  });

  it("closes a connection that sends more messages than a client has reason to", () => {
    const { socket } = connect();
    const client = new Y.Doc();
    for (let count = 0; count < 1000 && socket.closedWith === null; count++) {
      socket.receive(keystroke(client, "k"));
    }
    expect(socket.closedWith).toBeNull();
    socket.receive(keystroke(client, "k"));
    expect(socket.closedWith).toBe(CloseCode.tooManyMessages);
  });
});

describe("presence from a connection", () => {
  const CLIENT_ID = 4711;

  /** Presence from `member`'s client, one entry per message as a provider sends its own. */
  function announce(member: ReturnType<typeof connect>, entry: ForgedAwarenessEntry) {
    member.socket.receive(awarenessFrame([entry]));
  }

  it("stays when its user reconnects at the same clock and the old socket closes afterwards", () => {
    const room = roomFrom(new Y.Doc(), new StoredStateHandoff());
    const old = joined(room, "user-1");
    announce(old, { clientId: CLIENT_ID, clock: 3, state: { cursor: 1 } });
    // A provider that reconnects sends its state again without ticking its clock.
    const reconnected = joined(room, "user-1");
    announce(reconnected, { clientId: CLIENT_ID, clock: 3, state: { cursor: 1 } });
    old.connection.detach();

    expect(room.awareness.getStates().get(CLIENT_ID)).toMatchObject({ cursor: 1 });
    reconnected.connection.detach();
    expect(room.awareness.getStates().has(CLIENT_ID)).toBe(false);
  });

  it("is claimed by a new page's first entry at clock 0, so an echo of its user's older page takes nothing over", () => {
    const room = roomFrom(new Y.Doc(), new StoredStateHandoff());
    const olderPage = joined(room, "user-1");
    const OLDER_ID = 1234;
    announce(olderPage, { clientId: OLDER_ID, clock: 5, state: { cursor: 9 } });
    const newPage = joined(room, "user-1");
    // A provider's first state has clock 0; the echo of the older page follows before its next.
    announce(newPage, { clientId: CLIENT_ID, clock: 0, state: {} });
    announce(newPage, { clientId: OLDER_ID, clock: 5, state: { cursor: 9 } });
    announce(newPage, { clientId: CLIENT_ID, clock: 1, state: { cursor: 2 } });

    expect(room.awareness.getStates().get(CLIENT_ID)).toMatchObject({ cursor: 2 });
    olderPage.connection.detach();
    expect(room.awareness.getStates().has(OLDER_ID)).toBe(false);
  });

  it("ignores echoes of a state the room holds, unread, but not a new state that does not parse", () => {
    const room = roomFrom(new Y.Doc(), new StoredStateHandoff());
    const owner = joined(room, "user-1");
    const peer = joined(room, "user-2");
    announce(owner, { clientId: CLIENT_ID, clock: 3, state: { cursor: 1 } });
    announce(peer, { clientId: 5555, clock: 1, state: { cursor: 4 } });
    const updates: unknown[] = [];
    room.awareness.on("update", (change: unknown) => updates.push(change));

    // Echoes at the clock the room holds, or an older one: they could change nothing.
    announce(peer, { clientId: CLIENT_ID, clock: 3, state: { cursor: 1 } });
    announce(peer, { clientId: CLIENT_ID, clock: 2, stateText: "{ inte json" });
    expect(peer.socket.closedWith).toBeNull();
    expect(updates).toEqual([]);

    announce(peer, { clientId: 9999, clock: 1, stateText: "{ inte json" });
    expect(peer.socket.closedWith).toBe(CloseCode.malformedMessage);
  });

  it("is removed by a null state at the clock the room holds", () => {
    const room = roomFrom(new Y.Doc(), new StoredStateHandoff());
    const owner = joined(room, "user-1");
    announce(owner, { clientId: CLIENT_ID, clock: 3, state: { cursor: 1 } });
    announce(owner, { clientId: CLIENT_ID, clock: 3, stateText: " null" });
    expect(room.awareness.getStates().has(CLIENT_ID)).toBe(false);
    expect(owner.socket.closedWith).toBeNull();
  });
});

describe("a room's fan-out in one event-loop turn", () => {
  /** Runs the microtasks queued so far; the event-loop turn goes on. */
  const microtasks = () => Promise.resolve();

  it("sends a turn's first keystroke at once and gathers the rest of the turn into one message", async () => {
    const room = roomFrom(new Y.Doc(), new StoredStateHandoff());
    const writer = joined(room, "user-1");
    const reader = joined(room, "user-2");
    const client = new Y.Doc();

    for (const [index, character] of [..."abcde"].entries()) {
      writer.socket.receive(syncFrame(SYNC_UPDATE, typed(client, character, index)));
      await microtasks();
    }
    expect(textOf(updatesTo(reader.socket))).toBe("a");

    await endOfTurn();
    const received = updatesTo(reader.socket);
    expect(received).toHaveLength(2);
    expect(textOf(received)).toBe("abcde");
    expect(updatesTo(writer.socket)).toHaveLength(0);
  });
});

describe("what a room relays and logs of a client's update", () => {
  function setUp() {
    const logged: Uint8Array[] = [];
    const stored = storedDocument("lagrad");
    const room = roomFrom(stored, new StoredStateHandoff(), logged);
    const writer = joined(room, "user-1");
    const reader = joined(room, "user-2");
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(stored));
    return { logged, room, writer, reader, client, stored };
  }

  it("passes a keystroke on to the others and to the log in the bytes it came in", async () => {
    const { logged, writer, reader, client } = setUp();
    const keystroke = typed(client, "x");
    writer.socket.receive(syncFrame(SYNC_UPDATE, keystroke));
    await endOfTurn();
    expect(updatesTo(reader.socket)).toEqual([keystroke]);
    expect(logged).toEqual([keystroke]);
  });

  it("passes on only what a sync step 2 changed, not the state it repeats", async () => {
    const { logged, writer, reader, client, stored } = setUp();
    client.getText("t").insert(0, "ny ");
    const reply = Y.encodeStateAsUpdate(client);
    writer.socket.receive(syncFrame(SYNC_STEP_2, reply));
    await endOfTurn();
    const [relayed] = updatesTo(reader.socket);
    expect(relayed?.byteLength).toBeLessThan(reply.byteLength);
    expect(logged).toEqual([relayed]);
    expect(textOf([Y.encodeStateAsUpdate(stored), relayed ?? new Uint8Array()])).toBe("ny lagrad");
  });

  it("still passes on what an update changed when applying it failed part-way", async () => {
    const { logged, room, writer, reader, client } = setUp();
    const failOnce = () => {
      room.doc.off("afterTransaction", failOnce);
      throw new Error("fails after the change is in the document");
    };
    room.doc.on("afterTransaction", failOnce);
    writer.socket.receive(syncFrame(SYNC_UPDATE, typed(client, "x")));
    await endOfTurn();
    expect(writer.socket.closedWith).toBe(CloseCode.internalError);
    expect(room.doc.getText("t").toString()).toBe("xlagrad");
    expect(textOf(updatesTo(reader.socket))).toBe("xlagrad");
    expect(textOf(logged)).toBe("xlagrad");
  });

  it("passes nothing on when applying an update failed before it changed anything", async () => {
    const { logged, room, writer, reader } = setUp();
    room.doc.on("beforeTransaction", () => {
      throw new Error("fails before any change");
    });
    writer.socket.receive(syncFrame(SYNC_UPDATE, Y.encodeStateAsUpdate(storedDocument("annat"))));
    await endOfTurn();
    expect(writer.socket.closedWith).toBe(CloseCode.internalError);
    expect(updatesTo(reader.socket)).toEqual([]);
    expect(logged).toEqual([]);
  });
});
