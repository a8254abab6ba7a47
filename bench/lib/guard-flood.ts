/**
 * The causal-gap flood of issue 22, timed: the real server (bench/servers/ours.ts) in a child
 * process on a copy of the seeded database; from one socket, FLOOD updates of about 10 KB, each
 * missing its first struct; /api/health polled one request after another throughout; the server's
 * RSS read from /proc at each poll. Targets: every poll answers within 200 ms, RSS grows less than
 * 50 MB. Health is polled the same way before the flood, so the machine's own delays are shown apart.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import * as Y from "yjs";
import { encodeUpdateMessage } from "../../server/collab/protocol";
import { BENCH_TMP, type StoredLocation } from "./databases";
import type { Message } from "./ipc";
import { type NodeChild, spawnNode } from "./processes";
import { memory } from "./procfs";

export const FLOOD = 1000;
export const HEALTH_TARGET_MS = 200;
export const RSS_TARGET_BYTES = 50 * 1024 * 1024;
/** Polls before the flood: the machine's own health latency, for comparison. */
const BASELINE_POLLS = 50;
/** How long polling goes on after the attacker's socket closed: the server may still be reading. */
const TRAILING_MS = 1000;

/** A worker thread's script: sends every frame as soon as the socket is admitted; posts the close code. */
export const FLOOD_ATTACKER = `
const { workerData, parentPort } = require("node:worker_threads");
const { WebSocket } = require("ws");
const ws = new WebSocket(workerData.url, { headers: { cookie: workerData.cookie } });
ws.once("message", () => { for (const frame of workerData.frames) ws.send(frame); });
ws.once("close", (code) => parentPort.postMessage(code));
`;

/** An update of about 10 KB missing its first struct, framed as a sync update message. */
export function gappedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment("sammanfattning").insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  text.insert(0, "a");
  const before = Y.encodeStateVector(doc);
  text.insert(1, "x".repeat(10_000));
  return encodeUpdateMessage(Y.encodeStateAsUpdate(doc, before));
}

export interface FloodTarget {
  location: StoredLocation;
  statementId: string;
  cookie: string;
  authSecret: string;
}

export interface FloodResult {
  closeCode: number;
  baselineMs: number[];
  floodMs: number[];
  /** When each of those polls started, in ms after the attacker's thread was started. */
  floodStartsMs: number[];
  /** When the attacker's socket was closed, in ms after its thread was started. */
  closedAfterMs: number;
  statuses: number[];
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
}

async function startOurs(target: FloodTarget, logFile: string): Promise<{ node: NodeChild; port: number }> {
  const { location } = target;
  const node = spawnNode("bench/servers/ours.ts", {
    nodeArgs: ["--expose-gc"],
    logFile,
    env: {
      BEREDNING_PARTS: "collab",
      HOST: "127.0.0.1",
      PORT: "0",
      AUTH_SECRET: target.authSecret,
      SEED_DEMO: "0",
      DATA_DIR: location.kind === "pglite" ? location.dataDir : path.join(BENCH_TMP, "flood-unused"),
      ...(location.kind === "postgres" ? { DATABASE_URL: location.url } : {}),
    },
  });
  const ready = await node.next<Message & { port: number }>("ready", 120_000);
  return { node, port: ready.port };
}

async function timedHealth(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** RSS after a full collection in the server, as the bench reads it elsewhere. */
async function rssAfterGc(node: NodeChild): Promise<number> {
  await node.request({ type: "gc" }, "gc-done", 30_000);
  return memory(node.pid).rss;
}

/** Runs the flood once against a fresh server on `target`'s database. */
export async function runFlood(target: FloodTarget, logFile: string): Promise<FloodResult> {
  await rm(logFile, { force: true });
  const { node, port } = await startOurs(target, logFile);
  try {
    const health = `http://127.0.0.1:${port}/api/health`;
    const frames = Array.from({ length: FLOOD }, gappedUpdate);
    const baselineMs: number[] = [];
    for (let poll = 0; poll < BASELINE_POLLS; poll++) baselineMs.push((await timedHealth(health)).ms);
    const rssBefore = await rssAfterGc(node);
    const startedAt = performance.now();
    const attacker = new Worker(FLOOD_ATTACKER, {
      eval: true,
      workerData: {
        url: `ws://127.0.0.1:${port}/collab/${target.statementId}`,
        cookie: target.cookie,
        frames,
      },
    });
    const attack: { closedAt: number | null } = { closedAt: null };
    const closed = new Promise<number>((resolve, reject) => {
      attacker.once("message", (code: number) => {
        attack.closedAt = performance.now();
        resolve(code);
      });
      attacker.once("error", reject);
    });
    const floodMs: number[] = [];
    const floodStartsMs: number[] = [];
    const statuses: number[] = [];
    let rssPeak = rssBefore;
    while (attack.closedAt === null || performance.now() - attack.closedAt < TRAILING_MS) {
      floodStartsMs.push(performance.now() - startedAt);
      const poll = await timedHealth(health);
      floodMs.push(poll.ms);
      statuses.push(poll.status);
      rssPeak = Math.max(rssPeak, memory(node.pid).rss);
    }
    const closeCode = await closed;
    await attacker.terminate();
    return {
      closeCode,
      baselineMs,
      floodMs,
      floodStartsMs,
      closedAfterMs: (attack.closedAt ?? startedAt) - startedAt,
      statuses,
      rssBefore,
      rssPeak,
      rssAfter: await rssAfterGc(node),
    };
  } finally {
    await node.stop(30_000);
  }
}
