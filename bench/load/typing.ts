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
import { setTimeout as sleep } from "node:timers/promises";
import * as Y from "yjs";
import { type DocumentDigest, digestDocument, textNodes } from "../lib/digest";
import { onParentMessages, toParent } from "../lib/ipc";
import { LatencyRecorder } from "../lib/stats";
import { type BenchClient, connectClient, withTimeout, type YjsServerKind } from "./clients";
import { stopTyping, type Turn, turnEvents, typeAtRate } from "./pace";

export interface TypingClientSpec {
  cookie: string | null;
  userName: string;
  typist: boolean;
  /** Index among the room's typists (across processes): which paragraph this typist types in. */
  typistSlot: number;
  /** Applies the initial document to an empty room (servers that keep nothing of their own). */
  seeds: boolean;
  /** The node this client connects to, when a target is several nodes; else the target's baseUrl. */
  baseUrl?: string;
}

export interface TypingRoomSpec {
  name: string;
  clients: TypingClientSpec[];
}

/** One server's rooms in this process. */
export interface TypingTarget {
  kind: YjsServerKind;
  baseUrl: string;
  /** File with the initial Y.Doc state for seeding clients; null when the server loads it itself. */
  initialDocumentFile: string | null;
  rooms: TypingRoomSpec[];
}

export interface TypingSpec {
  /**
   * The servers typed at, in the same order in every load generator. With several, the day's
   * servers are typed at in turns (see "go"); each gets a result of its own.
   */
  targets: TypingTarget[];
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
  /** Index of the sender's target in the spec's targets. */
  target: number;
  room: string;
  clientId: number;
  sent: number;
  /** The typist's document clock after its last keystroke: what every peer must reach. */
  clock: number;
}

/** One target's figures from this process. */
export interface TypingResult {
  /**
   * Keystroke → visible at a peer in this process, milliseconds, by the second of the server's
   * typing the keystroke was typed in (see LatencyRecorder).
   */
  latenciesBySecond: number[][];
  /** Of those, with the typist and the receiver on different nodes, and on the same node. */
  crossNodeLatenciesBySecond: number[][];
  sameNodeLatenciesBySecond: number[][];
  /** Milliseconds from "go" until every client here had every keystroke it expected. */
  convergedAfterMs: number;
  converged: boolean;
  /** Keystrokes some client here never received: sender clock minus what the client has. */
  missingUpdates: number;
  unexpectedCloses: number;
  /** Per room: the digest every client here agrees on, or null when they differ. */
  rooms: { name: string; digest: DocumentDigest | null; clientsAgree: boolean }[];
  connectMs: number[];
  /** This process's CPU seconds while it typed at this target (its turns, from "go" on). */
  loadCpuSeconds: number;
}

interface Typist {
  room: LiveRoom;
  client: BenchClient;
  text: Y.XmlText;
  /** Clock of each keystroke (this client's own clock before the insert), when it was made, and in which second of its server's typing. */
  clocks: number[];
  times: number[];
  seconds: number[];
  /** Per local receiver: how many of this typist's keystrokes it has seen. */
  seenBy: Map<BenchClient, number>;
  timer: NodeJS.Timeout | null;
}

interface LiveRoom {
  spec: TypingRoomSpec;
  target: LiveTarget;
  clients: BenchClient[];
  typists: Typist[];
  /** The node each client is connected to. */
  nodeOf: Map<BenchClient, string>;
}

/** One server's rooms, and what was measured against it. */
interface LiveTarget {
  index: number;
  spec: TypingTarget;
  rooms: LiveRoom[];
  latencies: LatencyRecorder;
  crossNodeLatencies: LatencyRecorder;
  sameNodeLatencies: LatencyRecorder;
  connectMs: number[];
  /** While this target is typed at: when its current turn began, and its typing time before it (ms). */
  turn: { startedAt: number; typedBeforeMs: number; cpuAtStart: NodeJS.CpuUsage } | null;
  cpuMicros: number;
}

const TYPED =
  "Förvaltningen delar motionärens bild av att segregationen påverkar barns uppväxtvillkor och anser att insatserna bör följas upp. ";

let spec: TypingSpec;
let targets: LiveTarget[] = [];
let goAt = 0;
let pumpScheduled = false;
process.setMaxListeners(0);

function typeOne(typist: Typist): void {
  const { client, text } = typist;
  const clock = Y.getState(client.doc.store, client.doc.clientID);
  const character = TYPED[typist.clocks.length % TYPED.length] ?? " ";
  const now = performance.now();
  const turn = typist.room.target.turn;
  typist.clocks.push(clock);
  typist.times.push(now);
  typist.seconds.push(turn ? Math.floor((turn.typedBeforeMs + now - turn.startedAt) / 1000) : 0);
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
  for (const target of targets) {
    if (!target.turn) continue;
    for (const room of target.rooms) {
      for (const typist of room.typists) {
        while (inFlight(typist) < spec.window) typeOne(typist);
      }
    }
  }
}

function schedulePump(): void {
  if (spec.mode !== "saturate" || pumpScheduled) return;
  pumpScheduled = true;
  setImmediate(pump);
}

const typistsOf = (target: LiveTarget) => target.rooms.flatMap((room) => room.typists);

/** Starts a turn of typing at `target`, with `typedBeforeMs` of its typing time already behind it. */
function startTurn(target: LiveTarget, typedBeforeMs: number): void {
  target.turn = { startedAt: performance.now(), typedBeforeMs, cpuAtStart: process.cpuUsage() };
  if (spec.mode === "rate") typeAtRate(typistsOf(target), spec.cps, typeOne);
  else schedulePump();
}

function endTurn(target: LiveTarget): void {
  if (!target.turn) return;
  stopTyping(typistsOf(target));
  const cpu = process.cpuUsage(target.turn.cpuAtStart);
  target.cpuMicros += cpu.user + cpu.system;
  target.turn = null;
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
        const [second, latency] = [typist.seconds[seen] ?? 0, now - (typist.times[seen] ?? now)];
        room.target.latencies.record(second, latency);
        const crossNode = room.nodeOf.get(typist.client) !== room.nodeOf.get(receiver);
        (crossNode ? room.target.crossNodeLatencies : room.target.sameNodeLatencies).record(second, latency);
        seen++;
        advanced = true;
      }
      typist.seenBy.set(receiver, seen);
    }
    if (advanced && room.target.turn) schedulePump();
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

async function openRoom(
  target: LiveTarget,
  roomSpec: TypingRoomSpec,
  initialDocument: Uint8Array | null,
): Promise<LiveRoom> {
  const room: LiveRoom = { spec: roomSpec, target, clients: [], typists: [], nodeOf: new Map() };
  const { kind, baseUrl } = target.spec;
  await Promise.all(
    roomSpec.clients.map(async (clientSpec, index) => {
      const started = performance.now();
      const node = clientSpec.baseUrl ?? baseUrl;
      const client = connectClient(kind, node, roomSpec.name, clientSpec.cookie);
      room.clients[index] = client;
      room.nodeOf.set(client, node);
      await withTimeout(client.synced, spec.connectTimeoutMs, `client ${index} of ${roomSpec.name} synced`);
      target.connectMs.push(performance.now() - started);
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
    room.typists.push({
      room,
      client,
      text,
      clocks: [],
      times: [],
      seconds: [],
      seenBy: new Map(),
      timer: null,
    });
  }
  for (const client of room.clients) observeReceiver(room, client);
  for (const typist of room.typists) {
    for (const client of room.clients) if (client !== typist.client) typist.seenBy.set(client, 0);
  }
  return room;
}

/**
 * Opens the rooms of `spec`, one server after the other and ten rooms at a time, so that one
 * server's connect times are not another's.
 */
async function openTargets(): Promise<LiveTarget[]> {
  const opened: LiveTarget[] = [];
  for (const [index, targetSpec] of spec.targets.entries()) {
    const target: LiveTarget = {
      index,
      spec: targetSpec,
      rooms: [],
      latencies: new LatencyRecorder(),
      crossNodeLatencies: new LatencyRecorder(),
      sameNodeLatencies: new LatencyRecorder(),
      connectMs: [],
      turn: null,
      cpuMicros: 0,
    };
    const initialDocument = targetSpec.initialDocumentFile
      ? new Uint8Array(readFileSync(targetSpec.initialDocumentFile))
      : null;
    await inBatches(targetSpec.rooms, 10, async (roomSpec) => {
      target.rooms.push(await openRoom(target, roomSpec, initialDocument));
    });
    opened.push(target);
  }
  return opened;
}

const allRooms = (of: LiveTarget[]) => of.flatMap((target) => target.rooms);
const allDocs = (of: LiveTarget[]) =>
  allRooms(of).flatMap((room) => room.clients.map((client) => client.doc));

function destroyClients(of: LiveTarget[]): void {
  for (const room of allRooms(of)) for (const client of room.clients) client.destroy();
}

onParentMessages({
  /**
   * Types in rooms of servers that are not under test, then leaves them. This process's own code
   * (provider, Yjs, awareness) is compiled and warm by then, so the latencies measured afterwards
   * are the server's and not this process's start-up: unwarmed, two load generators compiling at
   * once filled both cores for about a second, with event-loop delays of 17-30 ms, against every
   * server alike. Its targets are typed at all at once; nothing of it is recorded.
   */
  async "warm-up"(message: { spec: TypingSpec; durationMs: number }) {
    spec = message.spec;
    const warmTargets = await openTargets();
    for (const target of warmTargets) startTurn(target, 0);
    await sleep(message.durationMs);
    for (const target of warmTargets) endTurn(target);
    const warmRooms = allRooms(warmTargets);
    await waitUntil(
      allDocs(warmTargets),
      () => warmRooms.every(hasEveryLocalKeystroke),
      spec.convergeTimeoutMs,
      "every warm-up client has every keystroke",
    );
    destroyClients(warmTargets);
    const keystrokes = warmTargets.map((target) =>
      typistsOf(target).reduce((sum, typist) => sum + typist.clocks.length, 0),
    );
    toParent({ type: "warmed-up", keystrokes });
  },

  async start(message: { spec: TypingSpec }) {
    spec = message.spec;
    targets = await openTargets();
    toParent({ type: "ready" });
  },

  /**
   * Types at every target in the turns of the parent's schedule (see `typingSchedule`). Typing
   * begins at `startAt` (wall-clock milliseconds), and each turn at its time after it, so that load
   * generators holding different servers' rooms take their turns in step.
   */
  async go(message: { turns: Turn[]; startAt: number }) {
    goAt = performance.now() + Math.max(0, message.startAt - Date.now());
    for (const { atMs, turn, starts } of turnEvents(message.turns)) {
      await sleep(Math.max(0, goAt + atMs - performance.now()));
      const target = targets[turn.target];
      if (!target) continue;
      if (starts) startTurn(target, turn.typedBeforeMs);
      else endTurn(target);
    }
    const senders: SenderReport[] = targets.flatMap((target) =>
      target.rooms.flatMap((room) =>
        room.typists.map((typist) => ({
          target: target.index,
          room: room.spec.name,
          clientId: typist.client.doc.clientID,
          sent: typist.clocks.length,
          clock: Y.getState(typist.client.doc.store, typist.client.doc.clientID),
        })),
      ),
    );
    toParent({ type: "typed", senders, typedAfterMs: performance.now() - goAt } as {
      type: string;
      senders: SenderReport[];
      typedAfterMs: number;
    });
  },

  async expect(message: { senders: SenderReport[] }) {
    // Every client must end up with every keystroke of every typist of its room (here or elsewhere).
    const expected = new Map<string, { clientId: number; clock: number }[]>();
    const key = (target: number, room: string) => `${target}/${room}`;
    for (const sender of message.senders) {
      const list = expected.get(key(sender.target, sender.room)) ?? [];
      list.push({ clientId: sender.clientId, clock: sender.clock });
      expected.set(key(sender.target, sender.room), list);
    }
    const expectedIn = (room: LiveRoom) => expected.get(key(room.target.index, room.spec.name)) ?? [];
    const complete = (room: LiveRoom, client: BenchClient) =>
      expectedIn(room).every(
        (sender) =>
          sender.clientId === client.doc.clientID ||
          Y.getState(client.doc.store, sender.clientId) >= sender.clock,
      );
    const rooms = allRooms(targets);
    let converged = true;
    try {
      await waitUntil(
        allDocs(targets),
        () => rooms.every((room) => room.clients.every((client) => complete(room, client))),
        spec.convergeTimeoutMs,
        "every client has every keystroke",
      );
    } catch {
      converged = false;
    }
    const convergedAfterMs = performance.now() - goAt;
    const results = targets.map((target): TypingResult => {
      let missingUpdates = 0;
      for (const room of target.rooms) {
        for (const client of room.clients) {
          for (const sender of expectedIn(room)) {
            if (sender.clientId === client.doc.clientID) continue;
            missingUpdates += Math.max(0, sender.clock - Y.getState(client.doc.store, sender.clientId));
          }
        }
      }
      return {
        latenciesBySecond: target.latencies.bySecond,
        crossNodeLatenciesBySecond: target.crossNodeLatencies.bySecond,
        sameNodeLatenciesBySecond: target.sameNodeLatencies.bySecond,
        convergedAfterMs,
        converged,
        missingUpdates,
        unexpectedCloses: target.rooms.reduce(
          (sum, room) => sum + room.clients.reduce((inner, client) => inner + client.unexpectedCloses, 0),
          0,
        ),
        rooms: target.rooms.map((room) => {
          const digests = room.clients.map((client) => digestDocument(client.doc));
          const first = digests[0] ?? null;
          const clientsAgree = digests.every((digest) => digest.hash === first?.hash);
          return { name: room.spec.name, digest: clientsAgree ? first : null, clientsAgree };
        }),
        connectMs: target.connectMs,
        loadCpuSeconds: target.cpuMicros / 1e6,
      };
    });
    toParent({ type: "done", results } as { type: string; results: TypingResult[] });
  },

  /** A fresh client per room: what each server holds must equal what the clients have. */
  async verify() {
    const verified: { name: string; digest: DocumentDigest }[][] = [];
    for (const target of targets) {
      const rooms: { name: string; digest: DocumentDigest }[] = [];
      await inBatches(target.rooms, 10, async (room) => {
        const cookie = room.spec.clients[0]?.cookie ?? null;
        const client = connectClient(target.spec.kind, target.spec.baseUrl, room.spec.name, cookie);
        try {
          await withTimeout(client.synced, spec.connectTimeoutMs, `verifier of ${room.spec.name} synced`);
          rooms.push({ name: room.spec.name, digest: digestDocument(client.doc) });
        } finally {
          client.destroy();
        }
      });
      verified.push(rooms);
    }
    toParent({ type: "verified", targets: verified } as { type: string; targets: typeof verified });
  },

  close() {
    destroyClients(targets);
    toParent({ type: "closed" });
    setTimeout(() => process.exit(0), 50);
  },
});

process.on("disconnect", () => process.exit(0));
toParent({ type: "spawned" });
