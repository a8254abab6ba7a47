import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { FLOOD, FLOOD_ATTACKER, gappedUpdate } from "../../bench/lib/guard-flood";
import { loadDocument } from "../../server/collab/document-store";
import { sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { HANDLAGGARE_BOU } from "../support/workflow";

const collab = collabFixture();

/*
 * Correctness only: how fast health answers and how much memory the server takes meanwhile are
 * timing targets, measured by `npm run bench:guard` against a server in a process of its own.
 */
describe("a causal-gap flood", () => {
  it("1,000 updates with missing dependencies from one socket: health answers every poll, nothing is kept", async () => {
    const frames = Array.from({ length: FLOOD }, gappedUpdate);
    const healthUrl = `http://127.0.0.1:${collab.server.port}/api/health`;
    // The attacker runs in a thread of its own, so that masking its 10 MB does not hold up the server.
    const attacker = new Worker(FLOOD_ATTACKER, {
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
    const statuses: number[] = [];
    while (flooding || statuses.length < 5) statuses.push((await fetch(healthUrl)).status);
    expect(await closed).toBe(4009);
    await attacker.terminate();
    expect(statuses.every((status) => status === 200)).toBe(true);
    // Nothing of the flood was kept: not in the room's document, nor in the database.
    const reader = await collab.connectAs(HANDLAGGARE_BOU);
    expect(reader.doc.store.pendingStructs).toBeNull();
    expect(sectionText(reader.doc, "sammanfattning")).not.toContain("xxx");
    await collab.server.collab.flush();
    const stored = await loadDocument(collab.database.connection.db, collab.database.seedStatementId);
    expect(stored.store.pendingStructs).toBeNull();
    expect(sectionText(stored, "sammanfattning")).not.toContain("xxx");
  });
});
