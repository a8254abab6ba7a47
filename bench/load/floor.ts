/**
 * Load generator for the floor: plain `ws` sockets and a relay server that forwards each binary
 * frame to the other sockets of its room, without Yjs, authentication or storage. Same load shape
 * as bench/load/typing.ts (same rooms, typists, rates and window), so its latency is what the
 * network, `ws` and this harness cost on their own.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { WebSocket } from "ws";
import { onParentMessages, toParent } from "../lib/ipc";
import { LatencyRecorder } from "../lib/stats";
import { stopTyping, typeAtRate } from "./pace";
import type { SenderReport, TypingResult, TypingSpec } from "./typing";

interface FloorClient {
  ws: WebSocket;
  /** Highest sequence number seen per sender slot, +1. */
  seen: Map<number, number>;
  unexpectedCloses: number;
}

interface FloorTypist {
  client: FloorClient;
  slot: number;
  times: number[];
  timer: NodeJS.Timeout | null;
}

interface FloorRoom {
  name: string;
  clients: FloorClient[];
  typists: FloorTypist[];
}

/** A keystroke-sized frame: sender slot, sequence number and a few bytes of payload. */
const FRAME_BYTES = 24;

let spec: TypingSpec;
const rooms: FloorRoom[] = [];
const latencies = new LatencyRecorder();
let goAt = 0;
const connectMs: number[] = [];
let typing = false;
let pumpScheduled = false;
/** This process's CPU while typing (from "go" until the typing stopped). */
let typingCpu: NodeJS.CpuUsage = { user: 0, system: 0 };

function send(typist: FloorTypist): void {
  const frame = Buffer.alloc(FRAME_BYTES);
  frame.writeUInt16LE(typist.slot, 0);
  frame.writeUInt32LE(typist.times.length, 2);
  typist.times.push(performance.now());
  typist.client.ws.send(frame);
}

function inFlight(room: FloorRoom, typist: FloorTypist): number {
  let fewest = typist.times.length;
  for (const client of room.clients) {
    if (client !== typist.client) fewest = Math.min(fewest, client.seen.get(typist.slot) ?? 0);
  }
  return typist.times.length - fewest;
}

function pump(): void {
  pumpScheduled = false;
  if (!typing) return;
  for (const room of rooms) {
    for (const typist of room.typists) while (inFlight(room, typist) < spec.window) send(typist);
  }
}

function schedulePump(): void {
  if (spec.mode !== "saturate" || pumpScheduled || !typing) return;
  pumpScheduled = true;
  setImmediate(pump);
}

function connect(url: string, room: FloorRoom): Promise<FloorClient> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const client: FloorClient = { ws, seen: new Map(), unexpectedCloses: 0 };
    let open = false;
    ws.binaryType = "nodebuffer";
    ws.on("open", () => {
      open = true;
      connectMs.push(performance.now() - started);
      resolve(client);
    });
    ws.on("error", (error) => {
      if (!open) reject(error);
    });
    ws.on("close", () => {
      if (open && !closing) client.unexpectedCloses++;
    });
    ws.on("message", (data: Buffer) => {
      const now = performance.now();
      const slot = data.readUInt16LE(0);
      const sequence = data.readUInt32LE(2);
      client.seen.set(slot, Math.max(client.seen.get(slot) ?? 0, sequence + 1));
      const typist = room.typists.find((candidate) => candidate.slot === slot);
      const sentAt = typist?.times[sequence];
      if (sentAt !== undefined) latencies.record(Math.floor((sentAt - goAt) / 1000), now - sentAt);
      schedulePump();
    });
  });
}

let closing = false;

onParentMessages({
  async start(message: { spec: TypingSpec }) {
    spec = message.spec;
    // The floor is measured alone: one server, one target.
    const target = spec.targets[0];
    if (!target || spec.targets.length > 1) throw new Error("The floor takes exactly one target");
    for (const roomSpec of target.rooms) {
      const room: FloorRoom = { name: roomSpec.name, clients: [], typists: [] };
      const url = `${target.baseUrl}/${encodeURIComponent(roomSpec.name)}`;
      room.clients = await Promise.all(roomSpec.clients.map(() => connect(url, room)));
      for (const [index, clientSpec] of roomSpec.clients.entries()) {
        const client = room.clients[index];
        if (client && clientSpec.typist) {
          room.typists.push({ client, slot: clientSpec.typistSlot, times: [], timer: null });
        }
      }
      rooms.push(room);
    }
    toParent({ type: "ready" });
  },

  async go(message: { durationMs: number }) {
    typing = true;
    goAt = performance.now();
    const cpuAtGo = process.cpuUsage();
    if (spec.mode === "rate") {
      typeAtRate(
        rooms.flatMap((room) => room.typists),
        spec.cps,
        send,
      );
    } else {
      schedulePump();
    }
    await sleep(message.durationMs);
    typing = false;
    stopTyping(rooms.flatMap((room) => room.typists));
    typingCpu = process.cpuUsage(cpuAtGo);
    const senders: SenderReport[] = rooms.flatMap((room) =>
      room.typists.map((typist) => ({
        target: 0,
        room: room.name,
        clientId: typist.slot,
        sent: typist.times.length,
        clock: typist.times.length,
      })),
    );
    toParent({ type: "typed", senders, typedAfterMs: performance.now() - goAt } as {
      type: string;
      senders: SenderReport[];
      typedAfterMs: number;
    });
  },

  async expect(message: { senders: SenderReport[] }) {
    const complete = () =>
      message.senders.every((sender) => {
        const room = rooms.find((candidate) => candidate.name === sender.room);
        if (!room) return true;
        const own = room.typists.find((typist) => typist.slot === sender.clientId)?.client;
        return room.clients.every(
          (client) => client === own || (client.seen.get(sender.clientId) ?? 0) >= sender.sent,
        );
      });
    const deadline = performance.now() + spec.convergeTimeoutMs;
    while (!complete() && performance.now() < deadline) await sleep(5);
    const converged = complete();
    const convergedAfterMs = performance.now() - goAt;
    let missingUpdates = 0;
    for (const sender of message.senders) {
      const room = rooms.find((candidate) => candidate.name === sender.room);
      if (!room) continue;
      const own = room.typists.find((typist) => typist.slot === sender.clientId)?.client;
      for (const client of room.clients) {
        if (client !== own)
          missingUpdates += Math.max(0, sender.sent - (client.seen.get(sender.clientId) ?? 0));
      }
    }
    const result: TypingResult = {
      latenciesBySecond: latencies.bySecond,
      // One node: every delivery is on it.
      crossNodeLatenciesBySecond: [],
      sameNodeLatenciesBySecond: latencies.bySecond,
      convergedAfterMs,
      converged,
      missingUpdates,
      unexpectedCloses: rooms.reduce(
        (sum, room) => sum + room.clients.reduce((inner, client) => inner + client.unexpectedCloses, 0),
        0,
      ),
      rooms: rooms.map((room) => ({ name: room.name, digest: null, clientsAgree: true })),
      connectMs,
      loadCpuSeconds: (typingCpu.user + typingCpu.system) / 1e6,
    };
    toParent({ type: "done", results: [result] } as { type: string; results: TypingResult[] });
  },

  verify() {
    toParent({ type: "verified", targets: [[]] });
  },

  close() {
    closing = true;
    for (const room of rooms) for (const client of room.clients) client.ws.close();
    toParent({ type: "closed" });
    setTimeout(() => process.exit(0), 50);
  },
});

process.on("disconnect", () => process.exit(0));
toParent({ type: "spawned" });
