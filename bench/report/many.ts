/** The report's section of many open statements. */
import type { ManyFigures } from "../lib/results";
import { background, count, cpuCell, kib, label, mib, ms, ratio, ratioRows, table } from "./format";

/**
 * Memory per loaded statement, for the verdicts: the larger of the RSS growth and the V8 heap +
 * external growth after a GC. RSS alone can even come out negative when the process starts with a
 * large, partly free heap (ours on PGlite: its WebAssembly memory and start-up garbage), and a
 * negative figure must not pass for a small one.
 */
export function memoryPerStatement(figures: ManyFigures): number {
  return Math.max(figures.bytesPerStatement, figures.heapBytesPerStatement);
}

export function manySection(figures: ManyFigures[]): string {
  if (figures.length === 0) return "";
  let out = "## Many statements\n\n";
  out += table(
    [
      "server",
      "statements",
      "open all s",
      "server CPU s (open all)",
      "open p50 / p99 ms",
      "RSS start MiB",
      "RSS loaded MiB",
      "per statement KiB",
      "heap + external per statement KiB (after GC)",
      "RSS after leave MiB",
      "after leave + forced GC MiB",
      "start + forced GC MiB",
      "heap + external at start / after leave MiB (after GC)",
      "still loaded",
      "unloaded after s",
      "peak RSS MiB",
      "other load (cores)",
    ],
    figures.map((entry) => [
      label(entry.server),
      count(entry.statements),
      entry.openSeconds.toFixed(1),
      cpuCell(entry.openCpuSeconds, entry.databaseCpuSeconds, 1),
      `${ms(entry.open.p50)} / ${ms(entry.open.p99)}`,
      mib(entry.rssStartBytes),
      mib(entry.rssLoadedBytes),
      kib(entry.bytesPerStatement),
      kib(entry.heapBytesPerStatement),
      mib(entry.rssAfterLeaveBytes),
      mib(entry.rssAfterGcBytes),
      mib(entry.rssStartAfterGcBytes),
      `${mib(entry.heapStartBytes)} / ${mib(entry.heapAfterLeaveBytes)}`,
      count(entry.roomsAfterLeave),
      entry.secondsUntilUnloaded === null ? "never (in 5 s)" : entry.secondsUntilUnloaded.toFixed(1),
      mib(entry.peakRssBytes),
      background(entry.background),
    ]),
  );
  const rows = ratioRows(figures, ["stock", "hocuspocus"], (mine, theirs) => [
    ratio(mine.bytesPerStatement, theirs.bytesPerStatement),
    ratio(mine.heapBytesPerStatement, theirs.heapBytesPerStatement),
    ratio(mine.open.p50, theirs.open.p50),
    ratio(mine.rssLoadedBytes, theirs.rssLoadedBytes),
    ratio(mine.rssAfterLeaveBytes, theirs.rssAfterLeaveBytes),
  ]);
  if (rows.length > 0) {
    out += "\nRatios (ours ÷ theirs; below 1 is better for ours):\n\n";
    out += table(
      ["ratio", "RSS / statement", "heap / statement", "open p50", "RSS loaded", "RSS after leave"],
      rows,
    );
  }
  out +=
    "\nRSS per statement is (RSS with every statement loaded − RSS at start) ÷ statements; a process that starts " +
    "with a large, partly free heap (ours: PGlite's WebAssembly memory and start-up garbage) absorbs part of " +
    "the growth, so the V8 heap in use plus external memory after a forced GC is listed beside it.\n";
  return `${out}\n`;
}
