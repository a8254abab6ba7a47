import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { collabFixture } from "../support/fixture";
import { SYNC_UPDATE, syncFrame } from "../support/frames";
import { HANDLAGGARE_BOU } from "../support/workflow";

const collab = collabFixture();
const FLOOD = 1000;

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
    const socket = await collab.openSocket(HANDLAGGARE_BOU);
    const closed = new Promise<number>((resolve) => socket.once("close", resolve));
    let sending = true;
    const sent = (async () => {
      for (const data of frames) {
        if (socket.readyState !== socket.OPEN) break;
        socket.send(data);
      }
      sending = false;
    })();
    const polls: { status: number; ms: number }[] = [];
    while (sending || polls.length < 5) {
      const started = performance.now();
      const response = await fetch(healthUrl);
      polls.push({ status: response.status, ms: performance.now() - started });
    }
    await sent;
    expect(await closed).toBe(4009);
    expect(polls.every((poll) => poll.status === 200)).toBe(true);
    // Nothing of the flood was kept: the statement's document holds no pending structs.
    const reader = await collab.connectAs(HANDLAGGARE_BOU);
    expect(reader.doc.store.pendingStructs).toBeNull();
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    console.info(
      `causal-gap flood: ${polls.length} health polls, slowest ${Math.max(...polls.map((poll) => poll.ms)).toFixed(1)} ms, RSS growth ${(rssGrowth / 1048576).toFixed(1)} MiB`,
    );
    expect(rssGrowth).toBeLessThan(50 * 1024 * 1024);
  });
});
