/**
 * Version history's storage cost: the automerge-paper trace replayed into one section (every edit
 * its own transaction, as the server applies them). The trace's own times span a fraction of a
 * second, so time is simulated at one edit per EDIT_MS; a version is taken every INTERVAL_MS of it
 * and at the end, stored as the database stores it (db/version-chain.ts: V2 diffs against the previous
 * version, a whole state now and then). Prints the stored bytes of all versions against the final
 * state's (whole V1, as justering stores it), beside whole V2 states, and the time to open the oldest
 * and the slowest version (rebuild its chain, read its section). Run: npx tsx bench/version-cost.ts
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { encodeVersionState, rebuildVersionDoc, type StoredState } from "../../db/version-chain";
import { sectionContent } from "../../editor/section-hash";
import type { VersionCostFigures } from "./results";

const EDIT_MS = 200;
const INTERVAL_MS = 10 * 60_000;
const SECTION = "bakgrund";

interface Trace {
  txns: { time: string; patches: [number, number, string][] }[];
}

/** Replays the first `edits` edits of the trace (0: all) with versions, and measures them. */
export function measureVersionCost(traceFile: string, edits = 0): VersionCostFigures {
  const parsed = JSON.parse(gunzipSync(readFileSync(traceFile)).toString("utf8")) as Trace;
  const txns = edits > 0 ? parsed.txns.slice(0, edits) : parsed.txns;
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment(SECTION).insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);

  interface Stored extends StoredState {
    id: string;
    base: string | null;
    wholeV2: number;
    chainDepth: number;
    chainBytes: number;
    stateVector: Uint8Array;
  }
  const versions: Stored[] = [];
  const take = () => {
    const previous = versions[versions.length - 1] ?? null;
    const wholeV2 = Y.encodeStateAsUpdateV2(doc);
    const encoded = encodeVersionState(wholeV2, previous);
    versions.push({
      id: String(versions.length),
      base: encoded.baseVersionId,
      state: encoded.state,
      encoding: 2,
      wholeV2: wholeV2.byteLength,
      chainDepth: encoded.chainDepth,
      chainBytes: encoded.chainBytes,
      stateVector: encoded.stateVector,
    });
  };

  let time = 0;
  let lastVersion = 0;
  for (const txn of txns) {
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
  const finalV1 = Y.encodeStateAsUpdate(doc).byteLength;
  const finalV2 = Y.encodeStateAsUpdateV2(doc).byteLength;
  take();

  /** The version's chain, its whole state first, as loadVersionDoc reads it. */
  const chainOf = (index: number): Stored[] => {
    const chain: Stored[] = [];
    for (let id: string | null = String(index); id !== null; ) {
      const version: Stored | undefined = versions[Number(id)];
      if (!version) throw new Error(`No version ${id}`);
      chain.unshift(version);
      id = version.base;
    }
    return chain;
  };
  const open = (index: number): { ms: number; text: string } => {
    const started = performance.now();
    const opened = rebuildVersionDoc(chainOf(index));
    const content = JSON.stringify(sectionContent(opened.getXmlFragment(SECTION)));
    return { ms: performance.now() - started, text: content };
  };
  const median = (index: number): number => {
    const runs = Array.from({ length: 9 }, () => open(index).ms).sort((a, b) => a - b);
    return runs[4] ?? Number.NaN;
  };

  const finalText = JSON.stringify(sectionContent(doc.getXmlFragment(SECTION)));
  if (open(versions.length - 1).text !== finalText) throw new Error("The rebuilt final version differs");
  const medians = versions.map((_, index) => median(index));
  const slowest = medians.indexOf(Math.max(...medians));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const stored = sum(versions.map((version) => version.state.byteLength));
  const figures: VersionCostFigures = {
    edits: txns.length,
    versions: versions.length,
    wholeVersions: versions.filter((version) => version.base === null).length,
    longestChain: Math.max(...versions.map((version) => version.chainDepth)),
    finalBytesV1: finalV1,
    finalBytesV2: finalV2,
    storedBytes: stored,
    wholeV2Bytes: sum(versions.map((version) => version.wholeV2)),
    openOldestMedianMs: medians[0] ?? Number.NaN,
    openSlowestMedianMs: medians[slowest] ?? Number.NaN,
    slowestChainDepth: versions[slowest]?.chainDepth ?? 0,
  };
  return figures;
}
