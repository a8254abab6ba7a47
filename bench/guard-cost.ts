/**
 * What the section guard costs: `npm run bench:guard [trace file] [--no-flood | --flood-only]`.
 *
 * Per update (server/collab/update-inspection.ts), in µs. A keystroke: one character typed into the
 * imported seed statement, 20,000 times. The trace: the automerge-paper trace (259,778 edits, each
 * its own update) replayed into one section of a template statement. Only the inspection is timed;
 * each update is decoded before (the server decodes it once anyway) and applied after, as the
 * server does.
 *
 * Then the causal-gap flood against the real server (bench/lib/guard-flood.ts), on PGlite and, when
 * one is found as for `npm run bench` (e.g. under scripts/with-postgres.sh), on PostgreSQL.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { importPlainTextStatement } from "../domain/import/plain-text-statement";
import { TJANSTEUTLATANDE_TEMPLATE } from "../domain/template";
import { sectionContentRules } from "../editor/content-rules";
import { encodeInitialDocument } from "../editor/section-content";
import { SEED_STATEMENT_FILE } from "../seed/demo";
import { inspectUpdate, type UpdatePolicy } from "../server/collab/update-inspection";
import { reportFloods } from "./lib/guard-flood-report";

const args = process.argv.slice(2);
/** Where bench/run.ts finds the trace, unless given as an argument. */
const TRACE_FILE =
  args.find((arg) => !arg.startsWith("--")) ??
  path.join(import.meta.dirname, "..", "..", "shared", "data", "automerge-paper.json.gz");
const KEYSTROKES = 20_000;
const KEYS = TJANSTEUTLATANDE_TEMPLATE.map((section) => section.key);
const policy: UpdatePolicy = {
  sectionKeys: new Set(KEYS),
  editableKeys: new Set(KEYS),
  rules: sectionContentRules(),
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Times the inspection of each update `edit` makes in `client`, applying it to `server` after. */
function timeEdits(server: Y.Doc, client: Y.Doc, count: number, edit: (index: number) => void): number[] {
  const timings: number[] = [];
  let pending: Uint8Array | null = null;
  client.on("update", (update: Uint8Array) => {
    pending = update;
  });
  for (let index = 0; index < count; index++) {
    edit(index);
    const update = pending as Uint8Array | null;
    if (!update) continue;
    pending = null;
    const decoded = Y.decodeUpdate(update);
    const started = performance.now();
    const result = inspectUpdate(server, decoded, policy);
    timings.push((performance.now() - started) * 1000);
    if (!result.ok) throw new Error(`Refused: ${result.reason}`);
    Y.applyUpdate(server, update);
  }
  return timings.sort((a, b) => a - b);
}

function docPair(state: Uint8Array): [Y.Doc, Y.Doc] {
  const server = new Y.Doc();
  const client = new Y.Doc();
  Y.applyUpdate(server, state);
  Y.applyUpdate(client, state);
  return [server, client];
}

function paragraphText(doc: Y.Doc, key: string): Y.XmlText {
  return (doc.getXmlFragment(key).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function keystrokes(): number[] {
  const seed = importPlainTextStatement(readFileSync(SEED_STATEMENT_FILE, "utf8"));
  const [server, client] = docPair(encodeInitialDocument(seed.sections));
  const text = paragraphText(client, "sammanfattning");
  return timeEdits(server, client, KEYSTROKES, (index) => text.insert(index % 50, "a"));
}

interface Trace {
  startContent: string;
  txns: { patches: [number, number, string][] }[];
}

function traceReplay(): number[] {
  const trace = JSON.parse(gunzipSync(readFileSync(TRACE_FILE)).toString("utf8")) as Trace;
  const [server, client] = docPair(
    encodeInitialDocument(KEYS.map((key) => ({ key, blocks: [{ type: "paragraph", text: "" }] }))),
  );
  const paragraph = client.getXmlFragment("sammanfattning").get(0) as Y.XmlElement;
  paragraph.insert(0, [new Y.XmlText(trace.startContent)]);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
  const text = paragraph.get(0) as Y.XmlText;
  const patches = trace.txns.flatMap((txn) => txn.patches);
  return timeEdits(server, client, patches.length, (index) => {
    const [position, deleteCount, insert] = patches[index] as [number, number, string];
    client.transact(() => {
      if (deleteCount > 0) text.delete(position, deleteCount);
      if (insert.length > 0) text.insert(position, insert);
    });
  });
}

function reportInspection(): void {
  for (const [name, timings] of [
    ["keystroke", keystrokes()],
    ["trace replay", traceReplay()],
  ] as const) {
    console.log(
      `${name}: ${timings.length} updates, inspection median ${percentile(timings, 50).toFixed(1)} µs, p99 ${percentile(timings, 99).toFixed(1)} µs, max ${percentile(timings, 100).toFixed(1)} µs`,
    );
  }
}

if (!args.includes("--flood-only")) reportInspection();
if (!args.includes("--no-flood")) await reportFloods();
