/**
 * Load generator for the cold-open scenario. "replay" writes the automerge-paper editing trace into
 * one section through a real client, every edit its own Yjs update; "open" times a new client from
 * connect to synced and checks that it holds the trace's final text.
 */
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { type DocumentDigest, digestDocument } from "../lib/digest";
import { onParentMessages, toParent } from "../lib/ipc";
import { type BenchClient, connectClient, withTimeout, type YjsServerKind } from "./clients";

export interface TraceTarget {
  kind: YjsServerKind;
  baseUrl: string;
  room: string;
  cookie: string | null;
  sectionKey: string;
}

export interface ReplaySpec extends TraceTarget {
  traceFile: string;
  /** Replay only the first this many edits (0: all). */
  limit: number;
  /** Initial document for servers that keep nothing of their own; null for ours. */
  initialDocumentFile: string | null;
  /** Edits made per event-loop turn before the socket is allowed to drain. */
  chunk: number;
  /**
   * Every this many edits the writer waits until the server has handled all it sent (a round trip),
   * so the server is never minutes behind: a real client cannot outrun the server by that much,
   * and both client libraries drop a connection that has been silent for 30 s.
   */
  flowEvery: number;
  timeoutMs: number;
}

export interface ReplayResult {
  edits: number;
  replayMs: number;
  expectedText: string;
  textOk: boolean;
  stateBytes: number;
  digest: DocumentDigest;
  unexpectedCloses: number;
}

export interface OpenResult {
  connectToSyncedMs: number;
  /** Connect → the last message before synced: the server's part; the rest is the client applying it. */
  connectToLastMessageMs: number;
  textOk: boolean;
  digest: DocumentDigest;
}

interface Trace {
  startContent: string;
  endContent: string;
  txns: { patches: [number, number, string][] }[];
}

function plainText(text: Y.XmlText): string {
  let result = "";
  for (const op of text.toDelta() as { insert: unknown }[])
    if (typeof op.insert === "string") result += op.insert;
  return result;
}

/** The trace section's text: the first paragraph's text node (created by the writer). */
function sectionText(doc: Y.Doc, sectionKey: string): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(sectionKey).get(0);
  if (!(paragraph instanceof Y.XmlElement)) return null;
  const text = paragraph.get(0);
  return text instanceof Y.XmlText ? text : null;
}

/** The text the section must hold after the replay (the whole trace: its endContent). */
export function expectedTraceText(trace: Trace, limit: number): string {
  if (limit === 0) return trace.endContent;
  let text = trace.startContent;
  let done = 0;
  for (const txn of trace.txns) {
    for (const [position, deleteCount, insert] of txn.patches) {
      if (done++ >= limit) return text;
      text = text.slice(0, position) + insert + text.slice(position + deleteCount);
    }
  }
  return text;
}

/**
 * The writer's Yjs client id, the same against every server, so that every server holds the same
 * bytes (see ClientOptions.clientId). Five bytes as a varint, as 15 in 16 random ids are.
 */
const WRITER_CLIENT_ID = 0x9e3779b9;

const opened: BenchClient[] = [];
let writer: BenchClient | null = null;
let expectedText = "";

onParentMessages({
  async replay(message: { spec: ReplaySpec }) {
    const { spec } = message;
    const trace = JSON.parse(gunzipSync(readFileSync(spec.traceFile)).toString("utf8")) as Trace;
    expectedText = expectedTraceText(trace, spec.limit);
    const client = connectClient(spec.kind, spec.baseUrl, spec.room, spec.cookie, {
      clientId: WRITER_CLIENT_ID,
    });
    writer = client;
    await withTimeout(client.synced, 30_000, "writer synced");
    const { doc } = client;
    if (spec.initialDocumentFile && doc.getXmlFragment(spec.sectionKey).length === 0) {
      Y.applyUpdate(doc, new Uint8Array(readFileSync(spec.initialDocumentFile)));
    }
    const paragraph = doc.getXmlFragment(spec.sectionKey).get(0);
    if (!(paragraph instanceof Y.XmlElement)) throw new Error(`${spec.sectionKey} has no paragraph`);
    if (!(paragraph.get(0) instanceof Y.XmlText)) paragraph.insert(0, [new Y.XmlText(trace.startContent)]);
    const text = sectionText(doc, spec.sectionKey);
    if (!text) throw new Error("No text node to replay into");

    const started = performance.now();
    let edits = 0;
    outer: for (const txn of trace.txns) {
      for (const [position, deleteCount, insert] of txn.patches) {
        if (spec.limit > 0 && edits >= spec.limit) break outer;
        // Each edit is its own transaction, so its own Yjs update and its own message.
        doc.transact(() => {
          if (deleteCount > 0) text.delete(position, deleteCount);
          if (insert.length > 0) text.insert(position, insert);
        });
        edits++;
        if (edits % spec.flowEvery === 0) {
          await client.roundTrip(spec.timeoutMs);
        } else if (edits % spec.chunk === 0) {
          await new Promise((resolve) => setImmediate(resolve));
          while (client.bufferedAmount > 1 << 20) await sleep(2);
        }
      }
    }
    await client.roundTrip(spec.timeoutMs);
    const result: ReplayResult = {
      edits,
      replayMs: performance.now() - started,
      expectedText: `${expectedText.length} characters`,
      textOk: plainText(text) === expectedText,
      stateBytes: Y.encodeStateAsUpdate(doc).byteLength,
      digest: digestDocument(doc),
      unexpectedCloses: client.unexpectedCloses,
    };
    toParent({ type: "replayed", result });
  },

  closeWriter() {
    writer?.destroy();
    writer = null;
    toParent({ type: "writer-closed" });
  },

  async open(message: { target: TraceTarget; expectedTextLength: number; keep: boolean; timeoutMs: number }) {
    const { target } = message;
    const started = performance.now();
    const client = connectClient(target.kind, target.baseUrl, target.room, target.cookie, {
      noteMessages: true,
    });
    await withTimeout(client.synced, message.timeoutMs, "new client synced");
    const connectToSyncedMs = performance.now() - started;
    const connectToLastMessageMs = client.lastMessageAt - started;
    const text = sectionText(client.doc, target.sectionKey);
    const content = text ? plainText(text) : "";
    const result: OpenResult = {
      connectToSyncedMs,
      connectToLastMessageMs,
      textOk: expectedText ? content === expectedText : content.length === message.expectedTextLength,
      digest: digestDocument(client.doc),
    };
    if (message.keep) opened.push(client);
    else client.destroy();
    toParent({ type: "opened", result });
  },

  closeOpened() {
    for (const client of opened.splice(0)) client.destroy();
    toParent({ type: "opened-closed" });
  },

  setExpected(message: { traceFile: string; limit: number }) {
    const trace = JSON.parse(gunzipSync(readFileSync(message.traceFile)).toString("utf8")) as Trace;
    expectedText = expectedTraceText(trace, message.limit);
    toParent({ type: "expected-set", length: expectedText.length });
  },

  close() {
    writer?.destroy();
    for (const client of opened) client.destroy();
    toParent({ type: "closed" });
    setTimeout(() => process.exit(0), 50);
  },
});

process.on("disconnect", () => process.exit(0));
toParent({ type: "spawned" });
