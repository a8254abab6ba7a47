/**
 * Load generator for the Beredning day and saturation scenarios: real Yjs clients (the provider
 * each server is meant for) in the rooms the orchestrator gives this process. Typists append
 * characters to a paragraph, each keystroke its own Yjs update; every other client of the room in
 * this process records when the keystroke became visible in its document. Sender and receivers
 * live in this process, so one monotonic clock times both ends.
 *
 * Started as `node --import tsx bench/load/typing.ts`; driven over IPC (see bench/run.ts).
 */
import { readFileSync } from "node:fs";
import * as Y from "yjs";
import { type DocumentDigest, digestDocument, textNodes } from "../lib/digest";
import { onParentMessages, toParent } from "../lib/ipc";
import { LatencyRecorder } from "../lib/stats";
import { type BenchClient, connectClient, withTimeout, type YjsServerKind } from "./clients";
import { stopTyping, typeAtRate } from "./pace";

export interface TypingClientSpec {
  cookie: string | null;
  userName: string;
  typist: boolean;
  /** Index among the room's typists (across processes): which paragraph this typist types in. */
  typistSlot: number;
  /** Applies the initial document to an empty room (servers that keep nothing of their own). */
  seeds: boolean;
}

export interface TypingRoomSpec {
  name: string;
  clients: TypingClientSpec[];
}

export interface TypingSpec {
  kind: YjsServerKind;
  baseUrl: string;
  rooms: TypingRoomSpec[];
  /** File with the initial Y.Doc state for seeding clients; null when the server loads it itself. */
  initialDocumentFile: string | null;
  /** "rate": each typist types `cps` characters a second; "saturate": as fast as `window` allows. */
  mode: "rate" | "saturate";
  cps: number;
  /** Saturation: keystrokes a typist may have that some local peer has not seen yet. */
  window: number;
  /** Typists also move their caret in awareness with every keystroke, as the editor does. */
  awareness: boolean;
  connectTimeoutMs: number;
  convergeTimeoutMs: number;
}

export interface SenderReport {
  room: string;
  clientId: number;
  sent: number;
  /** The typist's document clock after its last keystroke: what every peer must reach. */
  clock: number;
}

export interface TypingResult {
  /**
   * Keystroke → visible at a peer in this process, milliseconds, by the second after "go" the
   * keystroke was typed in (see LatencyRecorder).
   */
  latenciesBySecond: number[][];
  /** Milliseconds from "go" until every client here had every keystroke it expected. */
  convergedAfterMs: number;
  converged: boolean;
  /** Keystrokes some client here never received: sender clock minus what the client has. */
  missingUpdates: number;
  unexpectedCloses: number;
  /** Per room: the digest every client here agrees on, or null when they differ. */
  rooms: { name: string; digest: DocumentDigest | null; clientsAgree: boolean }[];
  connectMs: number[];
  loadCpuSeconds: number;
}

interface Typist {
  room: LiveRoom;
  client: BenchClient;
  text: Y.XmlText;
  /** Clock of each keystroke (this client's own clock before the insert) and when it was made. */
  clocks: number[];
  times: number[];
  /** Per local receiver: how many of this typist's keystrokes it has seen. */
  seenBy: Map<BenchClient, number>;
  timer: NodeJS.Timeout | null;
}

interface LiveRoom {
  spec: TypingRoomSpec;
  clients: BenchClient[];
  typists: Typist[];
}

const TYPED =
  "Förvaltningen delar motionärens bild av att segregationen påverkar barns uppväxtvillkor och anser att insatserna bör följas upp. ";

let spec: TypingSpec;
const rooms: LiveRoom[] = [];
let latencies = new LatencyRecorder();
const connectMs: number[] = [];
let typing = false;
let pumpScheduled = false;
let cpuAtStart = process.cpuUsage();
process.setMaxListeners(0);

function typeOne(typist: Typist): void {
  const { client, text } = typist;
  const clock = Y.getState(client.doc.store, client.doc.clientID);
  const character = TYPED[typist.clocks.length % TYPED.length] ?? " ";
  typist.clocks.push(clock);
  typist.times.push(performance.now());
  text.insert(text.length, character);
  if (spec.awareness) {
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    client.awareness.setLocalStateField("cursor", { anchor: caret, head: caret });
  }
}

/** Keystrokes of `typist` that some local peer has not seen yet. */
function inFlight(typist: Typist): number {
  let fewestSeen = typist.clocks.length;
  for (const seen of typist.seenBy.values()) fewestSeen = Math.min(fewestSeen, seen);
  return typist.clocks.length - fewestSeen;
}

function pump(): void {
  pumpScheduled = false;
  if (!typing) return;
  for (const room of rooms) {
    for (const typist of room.typists) {
      while (inFlight(typist) < spec.window) typeOne(typist);
    }
  }
}

function schedulePump(): void {
  if (spec.mode !== "saturate" || pumpScheduled || !typing) return;
  pumpScheduled = true;
  setImmediate(pump);
}

/** On every document change at `receiver`: which keystrokes of the room's typists became visible. */
function observeReceiver(room: LiveRoom, receiver: BenchClient): void {
  receiver.doc.on("update", () => {
    const now = performance.now();
    let advanced = false;
    for (const typist of room.typists) {
      if (typist.client === receiver) continue;
      let seen = typist.seenBy.get(receiver) ?? 0;
      const state = Y.getState(receiver.doc.store, typist.client.doc.clientID);
      while (seen < typist.clocks.length && (typist.clocks[seen] ?? Number.POSITIVE_INFINITY) < state) {
        latencies.record(typist.times[seen] ?? now, now);
        seen++;
        advanced = true;
      }
      typist.seenBy.set(receiver, seen);
    }
    if (advanced) schedulePump();
  });
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(run));
  }
}

function waitUntil(docs: Y.Doc[], condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  if (condition()) return Promise.resolve();
  return withTimeout(
    new Promise<void>((resolve) => {
      const check = () => {
        if (!condition()) return;
        for (const doc of docs) doc.off("update", check);
        resolve();
      };
      for (const doc of docs) doc.on("update", check);
    }),
    timeoutMs,
    what,
  );
}

/** Whether every client of `room` has every keystroke of the room's typists (all in this process). */
function hasEveryLocalKeystroke(room: LiveRoom): boolean {
  return room.typists.every((typist) => {
    const clock = Y.getState(typist.client.doc.store, typist.client.doc.clientID);
    return room.clients.every((client) => Y.getState(client.doc.store, typist.client.doc.clientID) >= clock);
  });
}

async function openRoom(roomSpec: TypingRoomSpec, initialDocument: Uint8Array | null): Promise<LiveRoom> {
  const room: LiveRoom = { spec: roomSpec, clients: [], typists: [] };
  const url = spec.baseUrl;
  await Promise.all(
    roomSpec.clients.map(async (clientSpec, index) => {
      const started = performance.now();
      const client = connectClient(spec.kind, url, roomSpec.name, clientSpec.cookie);
      room.clients[index] = client;
      await withTimeout(client.synced, spec.connectTimeoutMs, `client ${index} of ${roomSpec.name} synced`);
      connectMs.push(performance.now() - started);
      client.awareness.setLocalStateField("user", { name: clientSpec.userName, color: "#1f6feb" });
    }),
  );
  for (const [index, clientSpec] of roomSpec.clients.entries()) {
    const client = room.clients[index];
    if (client && clientSpec.seeds && initialDocument && textNodes(client.doc).length === 0) {
      Y.applyUpdate(client.doc, initialDocument);
    }
  }
  const docs = room.clients.map((client) => client.doc);
  await waitUntil(
    docs,
    () => docs.every((doc) => textNodes(doc).length > 0),
    spec.connectTimeoutMs,
    `initial content in ${roomSpec.name}`,
  );
  for (const [index, clientSpec] of roomSpec.clients.entries()) {
    const client = room.clients[index];
    if (!client || !clientSpec.typist) continue;
    const paragraphs = textNodes(client.doc);
    const text = paragraphs[clientSpec.typistSlot % paragraphs.length];
    if (!text) throw new Error(`No paragraph to type in for ${roomSpec.name}`);
    room.typists.push({ room, client, text, clocks: [], times: [], seenBy: new Map(), timer: null });
  }
  for (const client of room.clients) observeReceiver(room, client);
  for (const typist of room.typists) {
    for (const client of room.clients) if (client !== typist.client) typist.seenBy.set(client, 0);
  }
  return room;
}

/** Opens the rooms of `spec`, ten at a time. */
async function openRooms(): Promise<LiveRoom[]> {
  const initialDocument = spec.initialDocumentFile
    ? new Uint8Array(readFileSync(spec.initialDocumentFile))
    : null;
  const opened: LiveRoom[] = [];
  await inBatches(spec.rooms, 10, async (roomSpec) => {
    opened.push(await openRoom(roomSpec, initialDocument));
  });
  return opened;
}

onParentMessages({
  /**
   * Types in rooms of a server that is not under test, then leaves them. This process's own code
   * (provider, Yjs, awareness) is compiled and warm by then, so the latencies measured afterwards
   * are the server's and not this process's start-up: unwarmed, two load generators compiling at
   * once filled both cores for about a second, with event-loop delays of 17-30 ms, against every
   * server alike. Nothing of it is recorded.
   */
  async "warm-up"(message: { spec: TypingSpec; durationMs: number }) {
    spec = message.spec;
    const warmRooms = await openRooms();
    const typists = warmRooms.flatMap((room) => room.typists);
    typeAtRate(typists, spec.cps, typeOne);
    await new Promise((resolve) => setTimeout(resolve, message.durationMs));
    stopTyping(typists);
    const docs = warmRooms.flatMap((room) => room.clients.map((client) => client.doc));
    await waitUntil(
      docs,
      () => warmRooms.every(hasEveryLocalKeystroke),
      spec.convergeTimeoutMs,
      "every warm-up client has every keystroke",
    );
    for (const room of warmRooms) for (const client of room.clients) client.destroy();
    const keystrokes = typists.reduce((sum, typist) => sum + typist.clocks.length, 0);
    latencies = new LatencyRecorder();
    connectMs.length = 0;
    cpuAtStart = process.cpuUsage();
    toParent({ type: "warmed-up", keystrokes });
  },

  async start(message: { spec: TypingSpec }) {
    spec = message.spec;
    rooms.push(...(await openRooms()));
    toParent({ type: "ready" });
  },

  async go(message: { durationMs: number }) {
    typing = true;
    latencies.goAt = performance.now();
    if (spec.mode === "rate") {
      typeAtRate(
        rooms.flatMap((room) => room.typists),
        spec.cps,
        typeOne,
      );
    } else {
      schedulePump();
    }
    await new Promise((resolve) => setTimeout(resolve, message.durationMs));
    typing = false;
    stopTyping(rooms.flatMap((room) => room.typists));
    const senders: SenderReport[] = rooms.flatMap((room) =>
      room.typists.map((typist) => ({
        room: room.spec.name,
        clientId: typist.client.doc.clientID,
        sent: typist.clocks.length,
        clock: Y.getState(typist.client.doc.store, typist.client.doc.clientID),
      })),
    );
    toParent({ type: "typed", senders } as { type: string; senders: SenderReport[] });
  },

  async expect(message: { senders: SenderReport[] }) {
    // Every client must end up with every keystroke of every typist of its room (here or elsewhere).
    const expected = new Map<string, { clientId: number; clock: number }[]>();
    for (const sender of message.senders) {
      const list = expected.get(sender.room) ?? [];
      list.push({ clientId: sender.clientId, clock: sender.clock });
      expected.set(sender.room, list);
    }
    const complete = (room: LiveRoom, client: BenchClient) =>
      (expected.get(room.spec.name) ?? []).every(
        (sender) =>
          sender.clientId === client.doc.clientID ||
          Y.getState(client.doc.store, sender.clientId) >= sender.clock,
      );
    const allDocs = rooms.flatMap((room) => room.clients.map((client) => client.doc));
    let converged = true;
    try {
      await waitUntil(
        allDocs,
        () => rooms.every((room) => room.clients.every((client) => complete(room, client))),
        spec.convergeTimeoutMs,
        "every client has every keystroke",
      );
    } catch {
      converged = false;
    }
    const convergedAfterMs = performance.now() - latencies.goAt;
    let missingUpdates = 0;
    for (const room of rooms) {
      for (const client of room.clients) {
        for (const sender of expected.get(room.spec.name) ?? []) {
          if (sender.clientId === client.doc.clientID) continue;
          missingUpdates += Math.max(0, sender.clock - Y.getState(client.doc.store, sender.clientId));
        }
      }
    }
    const roomDigests = rooms.map((room) => {
      const digests = room.clients.map((client) => digestDocument(client.doc));
      const first = digests[0] ?? null;
      const clientsAgree = digests.every((digest) => digest.hash === first?.hash);
      return { name: room.spec.name, digest: clientsAgree ? first : null, clientsAgree };
    });
    const cpu = process.cpuUsage(cpuAtStart);
    const result: TypingResult = {
      latenciesBySecond: latencies.bySecond,
      convergedAfterMs,
      converged,
      missingUpdates,
      unexpectedCloses: rooms.reduce(
        (sum, room) => sum + room.clients.reduce((inner, client) => inner + client.unexpectedCloses, 0),
        0,
      ),
      rooms: roomDigests,
      connectMs,
      loadCpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
    toParent({ type: "done", result } as { type: string; result: TypingResult });
  },

  /** A fresh client per room: what the server holds must equal what the clients have. */
  async verify() {
    const verified: { name: string; digest: DocumentDigest }[] = [];
    await inBatches(rooms, 10, async (room) => {
      const cookie = room.spec.clients[0]?.cookie ?? null;
      const client = connectClient(spec.kind, spec.baseUrl, room.spec.name, cookie);
      try {
        await withTimeout(client.synced, spec.connectTimeoutMs, `verifier of ${room.spec.name} synced`);
        verified.push({ name: room.spec.name, digest: digestDocument(client.doc) });
      } finally {
        client.destroy();
      }
    });
    toParent({ type: "verified", rooms: verified } as { type: string; rooms: typeof verified });
  },

  close() {
    for (const room of rooms) for (const client of room.clients) client.destroy();
    toParent({ type: "closed" });
    setTimeout(() => process.exit(0), 50);
  },
});

process.on("disconnect", () => process.exit(0));
toParent({ type: "spawned" });
