/**
 * Version history's storage cost: the automerge-paper trace replayed into one section (every edit
 * its own transaction, as the server applies them). The trace's own times span a fraction of a
 * second, so time is simulated at one edit per EDIT_MS; a version is taken every INTERVAL_MS of it
 * and at the end. Prints the stored bytes of all versions as whole states (V1, V2) and as V2 diffs
 * from the previous version, against the final state's, and the time to open the oldest (decode
 * its state and read its section). Run: npx tsx bench/version-cost.ts
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { sectionContent } from "../editor/section-hash";

const TRACE = process.argv[2] ?? "/work/shared/data/automerge-paper.json.gz";
const EDIT_MS = 200;
const INTERVAL_MS = 10 * 60_000;
const SECTION = "bakgrund";

interface Trace {
  txns: { time: string; patches: [number, number, string][] }[];
}

const trace = JSON.parse(gunzipSync(readFileSync(TRACE)).toString("utf8")) as Trace;
const doc = new Y.Doc();
const paragraph = new Y.XmlElement("paragraph");
doc.getXmlFragment(SECTION).insert(0, [paragraph]);
const text = new Y.XmlText();
paragraph.insert(0, [text]);

const versions: { v1: Uint8Array; v2: Uint8Array; diffV2: Uint8Array; json: number }[] = [];
let previousState: Uint8Array = new Uint8Array([0]);
const take = () => {
  versions.push({
    v1: Y.encodeStateAsUpdate(doc),
    v2: Y.encodeStateAsUpdateV2(doc),
    diffV2: Y.encodeStateAsUpdateV2(doc, previousState),
    json: JSON.stringify(sectionContent(doc.getXmlFragment(SECTION))).length,
  });
  previousState = Y.encodeStateVector(doc);
};

let time = 0;
let lastVersion = 0;
for (const txn of trace.txns) {
  time += EDIT_MS;
  if (time - lastVersion >= INTERVAL_MS) {
    take();
    lastVersion = time;
  }
  doc.transact(() => {
    for (const [position, deleteCount, insert] of txn.patches) {
      if (deleteCount > 0) text.delete(position, deleteCount);
      if (insert) text.insert(position, insert);
    }
  });
}
take();

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const final = versions[versions.length - 1];
const oldest = versions[0];
if (!final || !oldest) throw new Error("No versions");
const opens: number[] = [];
for (let run = 0; run < 9; run++) {
  const started = performance.now();
  const opened = new Y.Doc();
  Y.applyUpdateV2(opened, oldest.v2);
  sectionContent(opened.getXmlFragment(SECTION));
  opens.push(performance.now() - started);
}
opens.sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      edits: trace.txns.length,
      versions: versions.length,
      finalBytesV1: final.v1.byteLength,
      finalBytesV2: final.v2.byteLength,
      allVersionsBytesV1: sum(versions.map((version) => version.v1.byteLength)),
      allVersionsBytesV2: sum(versions.map((version) => version.v2.byteLength)),
      allVersionsBytesAsV2Diffs: sum(versions.map((version) => version.diffV2.byteLength)),
      allVersionsSectionJsonChars: sum(versions.map((version) => version.json)),
      ratioV2ToFinal: sum(versions.map((version) => version.v2.byteLength)) / final.v2.byteLength,
      openOldestMedianMs: opens[4],
    },
    null,
    2,
  ),
);
