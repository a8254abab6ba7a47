/**
 * Load generator for the many-statements scenario: one real client per statement (room), opened a
 * bounded number at a time and kept open until the orchestrator says "leave".
 */
import { readFileSync } from "node:fs";
import * as Y from "yjs";
import { digestDocument, digestUpdate, textNodes } from "../lib/digest";
import { onParentMessages, toParent } from "../lib/ipc";
import { type BenchClient, connectClient, withTimeout, type YjsServerKind } from "./clients";

export interface ManySpec {
  kind: YjsServerKind;
  baseUrl: string;
  rooms: { name: string; cookie: string | null }[];
  /** Initial document for servers that keep nothing of their own; null for ours. */
  initialDocumentFile: string | null;
  /** The document every client must hold once synced (its digest is compared). */
  expectedDocumentFile: string;
  concurrency: number;
  timeoutMs: number;
}

export interface ManyResult {
  openMs: number[];
  totalMs: number;
  /** Clients whose document differs from the expected statement. */
  mismatches: number;
  unexpectedCloses: number;
}

const clients: BenchClient[] = [];
process.setMaxListeners(0);

onParentMessages({
  async start(message: { spec: ManySpec }) {
    const { spec } = message;
    const initial = spec.initialDocumentFile ? new Uint8Array(readFileSync(spec.initialDocumentFile)) : null;
    const expected = digestUpdate(new Uint8Array(readFileSync(spec.expectedDocumentFile)));
    const openMs: number[] = [];
    let mismatches = 0;
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < spec.rooms.length) {
        const room = spec.rooms[next++];
        if (!room) break;
        const opening = performance.now();
        const client = connectClient(spec.kind, spec.baseUrl, room.name, room.cookie);
        clients.push(client);
        await withTimeout(client.synced, spec.timeoutMs, `client of ${room.name} synced`);
        openMs.push(performance.now() - opening);
        if (initial && textNodes(client.doc).length === 0) {
          Y.applyUpdate(client.doc, initial);
          await client.roundTrip(spec.timeoutMs);
        }
        if (digestDocument(client.doc).hash !== expected.hash) mismatches++;
      }
    };
    await Promise.all(Array.from({ length: spec.concurrency }, worker));
    const result: ManyResult = {
      openMs,
      totalMs: performance.now() - started,
      mismatches,
      unexpectedCloses: clients.reduce((sum, client) => sum + client.unexpectedCloses, 0),
    };
    toParent({ type: "ready", result });
  },

  leave() {
    for (const client of clients.splice(0)) client.destroy();
    toParent({ type: "left" });
  },

  close() {
    for (const client of clients) client.destroy();
    toParent({ type: "closed" });
    setTimeout(() => process.exit(0), 50);
  },
});

process.on("disconnect", () => process.exit(0));
toParent({ type: "spawned" });
