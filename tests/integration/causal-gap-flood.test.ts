import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { collabFixture } from "../support/fixture";
import { SYNC_UPDATE, syncFrame } from "../support/frames";
import { HANDLAGGARE_BOU } from "../support/workflow";

const collab = collabFixture();
const FLOOD = 1000;

/** Sends every frame as soon as the socket is admitted; posts the close code. */
const ATTACKER = `
const { workerData, parentPort } = require("node:worker_threads");
const { WebSocket } = require("ws");
const ws = new WebSocket(workerData.url, { headers: { cookie: workerData.cookie } });
ws.once("message", () => { for (const frame of workerData.frames) ws.send(frame); });
ws.once("close", (code) => parentPort.postMessage(code));
`;

/**
 * An update of about 10 KB missing its first struct: a fresh document with its own client id
 * inserts 'a', then 10 KB after it; only the second part is sent.
 */
function gappedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment("sammanfattning").insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  text.insert(0, "a");
  const before = Y.encodeStateVector(doc);
  text.insert(1, "x".repeat(10_000));
  return syncFrame(SYNC_UPDATE, Y.encodeStateAsUpdate(doc, before));
}

describe("a causal-gap flood", () => {
  it("1,000 updates with missing dependencies from one socket: health answers every poll, RSS stays within 50 MB", async () => {
    const frames = Array.from({ length: FLOOD }, gappedUpdate);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const healthUrl = `http://127.0.0.1:${collab.server.port}/api/health`;
    // The attacker runs in a thread of its own, so that masking its 10 MB does not hold up the server.
    const attacker = new Worker(ATTACKER, {
      eval: true,
      workerData: { url: collab.roomUrl, cookie: await collab.cookieFor(HANDLAGGARE_BOU), frames },
    });
    const closed = new Promise<number>((resolve, reject) => {
      attacker.once("message", resolve);
      attacker.once("error", reject);
    });
    let flooding = true;
    void closed.finally(() => {
      flooding = false;
    });
    const polls: { status: number; ms: number }[] = [];
    while (flooding || polls.length < 5) {
      const started = performance.now();
      const response = await fetch(healthUrl);
      polls.push({ status: response.status, ms: performance.now() - started });
    }
    expect(await closed).toBe(4009);
    await attacker.terminate();
    expect(polls.every((poll) => poll.status === 200)).toBe(true);
    // Nothing of the flood was kept: the statement's document holds no pending structs.
    const reader = await collab.connectAs(HANDLAGGARE_BOU);
    expect(reader.doc.store.pendingStructs).toBeNull();
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    console.info(
      `causal-gap flood: ${polls.length} health polls, in ${polls.map((poll) => poll.ms.toFixed(0)).join(", ")} ms, RSS growth ${(rssGrowth / 1048576).toFixed(1)} MiB`,
    );
    expect(rssGrowth).toBeLessThan(50 * 1024 * 1024);
  });
});
