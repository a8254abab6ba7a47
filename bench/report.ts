/**
 * Renders bench results as markdown. `node --import tsx bench/report.ts results.json [out.md]`
 * re-renders a report from the JSON that `npm run bench` writes beside it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  type Background,
  type BenchResults,
  type ColdFigures,
  type ManyFigures,
  SERVER_LABELS,
  type ServerName,
  type TypingFigures,
} from "./lib/results";
import { median } from "./lib/stats";

const OURS: ServerName[] = ["ours-pglite", "ours-postgres"];

function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : value.toFixed(0);
}

function mib(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return "–";
  return (bytes / 2 ** 20).toFixed(1);
}

function kib(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return "–";
  return (bytes / 1024).toFixed(1);
}

function count(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function ratio(ours: number | null | undefined, theirs: number | null | undefined): string {
  if (ours === null || ours === undefined || theirs === null || theirs === undefined) return "–";
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return "–";
  return `${(ours / theirs).toFixed(2)}×`;
}

function table(header: string[], rows: string[][]): string {
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => " --- ").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return `${lines.join("\n")}\n`;
}

function find<T extends { server: ServerName }>(list: T[], server: ServerName): T | undefined {
  return list.find((entry) => entry.server === server);
}

const label = (server: ServerName) => SERVER_LABELS[server];

/** One row per pair (ours, theirs) both measured: the pair's label, then `cells` of the two. */
function ratioRows<T extends { server: ServerName }>(
  figures: T[],
  others: ServerName[],
  cells: (mine: T, theirs: T) => string[],
): string[][] {
  const rows: string[][] = [];
  for (const ours of OURS) {
    const mine = find(figures, ours);
    if (!mine) continue;
    for (const other of others) {
      const theirs = find(figures, other);
      if (theirs) rows.push([`${label(ours)} / ${label(other)}`, ...cells(mine, theirs)]);
    }
  }
  return rows;
}

/** Server CPU seconds, with PostgreSQL's own beside it when it was measured. */
function cpuCell(seconds: number, database: number | null | undefined, digits = 2): string {
  return database === null || database === undefined
    ? seconds.toFixed(digits)
    : `${seconds.toFixed(digits)} (+${database.toFixed(digits)} PostgreSQL)`;
}

/** Other processes' CPU during the window; marked when it was enough to disturb the figure. */
function background(value: Background | undefined): string {
  if (!value) return "–";
  const text =
    value.otherCores.toFixed(2) +
    (value.stealCores >= 0.05 ? ` (+${value.stealCores.toFixed(2)} steal)` : "");
  return value.otherCores >= 0.3 ? `**${text}**` : text;
}

interface Target {
  target: string;
  measured: string;
  met: boolean | null;
}

const verdict = (met: boolean | null) => (met === null ? "not measured" : met ? "**met**" : "**not met**");

/** Ours cold open (after a restart) when measured, else its warm open; the in-memory servers only have warm. */
function openFigure(cold: ColdFigures): number {
  return cold.coldOpenMs.length > 0 ? median(cold.coldOpenMs) : median(cold.warmOpenMs);
}

interface HocuspocusCheck {
  scenario: string;
  ours: number | undefined;
  theirs: number | undefined;
  higherIsBetter: boolean;
}

/**
 * The trace opens judged against Hocuspocus, like for like: after a restart when both were restarted
 * (Hocuspocus persisting with its own extension), and with the document in memory. A run without
 * Hocuspocus' cold opens compares ours' cold open with its warm one, the closest it has.
 */
function traceOpenChecks(ours: ColdFigures | undefined, theirs: ColdFigures | undefined): HocuspocusCheck[] {
  if (!ours || !theirs) return [];
  if (ours.coldOpenMs.length === 0 || theirs.coldOpenMs.length === 0) {
    return [
      {
        scenario: "trace connect → synced (ours cold, Hocuspocus warm in memory)",
        ours: openFigure(ours),
        theirs: median(theirs.warmOpenMs),
        higherIsBetter: false,
      },
    ];
  }
  return [
    {
      scenario: "trace connect → synced after a restart",
      ours: median(ours.coldOpenMs),
      theirs: median(theirs.coldOpenMs),
      higherIsBetter: false,
    },
    {
      scenario: "trace connect → synced, document in memory",
      ours: median(ours.warmOpenMs),
      theirs: median(theirs.warmOpenMs),
      higherIsBetter: false,
    },
  ];
}

/** Ours cold ÷ Hocuspocus warm, shown beside the like-for-like checks when those were made. */
function crossedOpenRatio(ours: ColdFigures | undefined, theirs: ColdFigures | undefined): string | null {
  if (!ours || !theirs || ours.coldOpenMs.length === 0 || theirs.coldOpenMs.length === 0) return null;
  return ratio(median(ours.coldOpenMs), median(theirs.warmOpenMs));
}

function targets(results: BenchResults): Target[] {
  const list: Target[] = [];
  for (const ours of OURS) {
    const name = label(ours);
    const day = find(results.day, ours);
    const stockDay = find(results.day, "stock");
    if (day) {
      const p99 = day.latency.p99;
      const stockP99 = stockDay?.latency.p99;
      list.push({
        target: `Beredning day, ${name}: p99 propagation ≤ stock's p99 and < 25 ms`,
        measured: `${ms(p99)} ms vs stock ${ms(stockP99)} ms (ratio ${ratio(p99, stockP99)})`,
        met: stockP99 === undefined ? null : p99 <= stockP99 && p99 < 25,
      });
    }
    const saturation = find(results.saturation, ours);
    const stockSaturation = find(results.saturation, "stock");
    if (saturation) {
      list.push({
        target: `Saturation, ${name}: delivered updates/s ≥ 1.5 × stock's, no update lost`,
        measured:
          `${count(saturation.updatesPerSecond)} vs stock ${count(stockSaturation?.updatesPerSecond)} updates/s ` +
          `(ratio ${ratio(saturation.updatesPerSecond, stockSaturation?.updatesPerSecond)}), ` +
          `${saturation.missingUpdates} lost`,
        met:
          stockSaturation === undefined
            ? null
            : saturation.updatesPerSecond >= 1.5 * stockSaturation.updatesPerSecond &&
              saturation.missingUpdates === 0 &&
              saturation.converged,
      });
    }
    const cold = find(results.cold, ours);
    if (cold) {
      const open = median(cold.coldOpenMs);
      const load = median(cold.serverLoadMs);
      list.push({
        target: `Cold open of the trace statement, ${name}: connect → synced < 300 ms`,
        measured: `median ${ms(open)} ms after a restart (runs: ${cold.coldOpenMs.map(ms).join(", ")})`,
        met: Number.isNaN(open) ? null : open < 300,
      });
      list.push({
        target: `Cold open of the trace statement, ${name}: server load < 150 ms`,
        measured: `median ${ms(load)} ms (runs: ${cold.serverLoadMs.map(ms).join(", ")})`,
        met: Number.isNaN(load) ? null : load < 150,
      });
    }
    const many = find(results.many, ours);
    if (many) {
      list.push({
        target: `Many statements, ${name}: < 60 KB (60,000 bytes) per loaded small statement`,
        measured:
          `${count(memoryPerStatement(many))} bytes (${kib(memoryPerStatement(many))} KiB) over ${many.statements} ` +
          `statements: the larger of RSS growth (${kib(many.bytesPerStatement)} KiB) and heap + external growth ` +
          `after GC (${kib(many.heapBytesPerStatement)} KiB)`,
        met: memoryPerStatement(many) < 60_000,
      });
      const growth = many.rssAfterLeaveBytes / many.rssStartBytes - 1;
      list.push({
        target: `Many statements, ${name}: after all leave, RSS within 10% of start`,
        measured:
          `${mib(many.rssAfterLeaveBytes)} MiB vs ${mib(many.rssStartBytes)} MiB at start (${(growth * 100).toFixed(0)}%; ` +
          `after a forced GC ${mib(many.rssAfterGcBytes)} MiB), ${many.roomsAfterLeave} statements still loaded`,
        met: growth <= 0.1,
      });
    }
    // Ahead of Hocuspocus on every scenario (the headline figure of each).
    const checks: HocuspocusCheck[] = [
      {
        scenario: "day p99",
        ours: day?.latency.p99,
        theirs: find(results.day, "hocuspocus")?.latency.p99,
        higherIsBetter: false,
      },
      {
        scenario: "saturation updates/s",
        ours: saturation?.updatesPerSecond,
        theirs: find(results.saturation, "hocuspocus")?.updatesPerSecond,
        higherIsBetter: true,
      },
      ...traceOpenChecks(cold, find(results.cold, "hocuspocus")),
      {
        scenario: "bytes per loaded statement",
        ours: many ? memoryPerStatement(many) : undefined,
        theirs: (() => {
          const theirs = find(results.many, "hocuspocus");
          return theirs ? memoryPerStatement(theirs) : undefined;
        })(),
        higherIsBetter: false,
      },
    ];
    const measured = checks.filter((entry) => entry.ours !== undefined && entry.theirs !== undefined);
    const coldAgainstWarm = crossedOpenRatio(cold, find(results.cold, "hocuspocus"));
    if (measured.length > 0) {
      const behind = measured.filter((entry) =>
        entry.higherIsBetter
          ? (entry.ours as number) <= (entry.theirs as number)
          : (entry.ours as number) >= (entry.theirs as number),
      );
      list.push({
        target: `Ahead of Hocuspocus on every scenario, ${name}`,
        measured:
          measured.map((entry) => `${entry.scenario}: ${ratio(entry.ours, entry.theirs)}`).join("; ") +
          (behind.length > 0 ? ` — behind on: ${behind.map((entry) => entry.scenario).join(", ")}` : "") +
          (coldAgainstWarm ? ` (not judged: ours cold ÷ Hocuspocus warm in memory ${coldAgainstWarm})` : ""),
        met: behind.length === 0,
      });
    }
  }
  return list;
}

function typingSection(title: string, figures: TypingFigures[], saturation: boolean): string {
  if (figures.length === 0) return "";
  let out = `## ${title}\n\n`;
  out += table(
    [
      "server",
      "keystrokes",
      ...(saturation ? ["updates/s (to all peers)", "deliveries/s"] : []),
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "max ms",
      "first 3 s: p99 / max ms",
      "from 3 s on: p99 / max ms",
      "lost",
      "server event-loop delay p99 / max ms",
      "server CPU s",
      "CPU %",
      "CPU µs / delivery",
      "peak RSS MiB",
      "connect p50 / p99 ms (+ server busy after)",
      "load-gen CPU s",
      "other load (cores)",
    ],
    figures.map((entry) => [
      label(entry.server),
      count(entry.keystrokes),
      ...(saturation ? [count(entry.updatesPerSecond), count(entry.deliveriesPerSecond)] : []),
      ms(entry.latency.p50),
      ms(entry.latency.p95),
      ms(entry.latency.p99),
      ms(entry.latency.max),
      entry.startUpLatency ? `${ms(entry.startUpLatency.p99)} / ${ms(entry.startUpLatency.max)}` : "–",
      entry.steadyLatency ? `${ms(entry.steadyLatency.p99)} / ${ms(entry.steadyLatency.max)}` : "–",
      `${entry.missingUpdates}${entry.converged ? "" : " (did not converge)"}`,
      entry.loopDelay ? `${ms(entry.loopDelay.p99)} / ${ms(entry.loopDelay.max)}` : "–",
      cpuCell(entry.cpuSeconds, entry.databaseCpuSeconds),
      ((100 * entry.cpuSeconds) / entry.wallSeconds).toFixed(0),
      ms(entry.cpuMicrosPerDelivery),
      mib(entry.peakRssBytes),
      `${ms(entry.connect.p50)} / ${ms(entry.connect.p99)}${entry.settleMs === undefined ? "" : ` (+${ms(entry.settleMs)})`}`,
      entry.loadCpuSeconds.toFixed(1),
      background(entry.background),
    ]),
  );
  const rows = ratioRows(figures, ["stock", "hocuspocus", "floor"], (mine, theirs) => [
    ...(saturation ? [ratio(mine.updatesPerSecond, theirs.updatesPerSecond)] : []),
    ratio(mine.latency.p50, theirs.latency.p50),
    ratio(mine.latency.p99, theirs.latency.p99),
    ratio(mine.latency.max, theirs.latency.max),
    ratio(mine.startUpLatency?.p99, theirs.startUpLatency?.p99),
    ratio(mine.steadyLatency?.p99, theirs.steadyLatency?.p99),
    ratio(mine.cpuSeconds, theirs.cpuSeconds),
    ratio(mine.cpuMicrosPerDelivery, theirs.cpuMicrosPerDelivery),
    ratio(mine.peakRssBytes, theirs.peakRssBytes),
  ]);
  if (rows.length > 0) {
    out += `\nRatios (ours ÷ theirs; below 1 is better for ours${saturation ? ", except updates/s" : ""}):\n\n`;
    out += table(
      [
        "ratio",
        ...(saturation ? ["updates/s"] : []),
        "p50",
        "p99",
        "max",
        "p99 in the first 3 s",
        "p99 from 3 s on",
        "server CPU",
        "CPU / delivery",
        "peak RSS",
      ],
      rows,
    );
  }
  out += secondsTable(figures);
  return `${out}\n`;
}

/** How many of the slowest seconds the report names. */
const SLOWEST_SECONDS = 3;

/**
 * Each second's p99 (of the keystrokes typed in it): whether a run's p99 came from the start-up,
 * from a periodic stall (a heartbeat, say) or from one slow spell of the machine.
 */
function secondsTable(figures: TypingFigures[]): string {
  const withSeconds = figures.filter((entry) => (entry.p99BySecond?.length ?? 0) > 0);
  if (withSeconds.length === 0) return "";
  const rows = withSeconds.map((entry) => {
    const seconds = entry.p99BySecond ?? [];
    const slowest = seconds
      .flatMap((p99, second) => (p99 === null ? [] : [{ second, p99 }]))
      .sort((a, b) => b.p99 - a.p99)
      .slice(0, SLOWEST_SECONDS);
    return [
      label(entry.server),
      slowest.map(({ second, p99 }) => `${second}: ${ms(p99)}`).join(", "),
      seconds.map((p99) => (p99 === null ? "–" : p99.toFixed(1))).join(" "),
    ];
  });
  return (
    "\nThe p99 of the keystrokes typed in each second of each server's typing (in a day typed in turns: its " +
    "n-th turn), in ms:\n\n" +
    table(
      ["server", `slowest ${SLOWEST_SECONDS} seconds (second: p99)`, "every second, from the first"],
      rows,
    )
  );
}

/**
 * Memory per loaded statement, for the verdicts: the larger of the RSS growth and the V8 heap +
 * external growth after a GC. RSS alone can even come out negative when the process starts with a
 * large, partly free heap (ours on PGlite: its WebAssembly memory and start-up garbage), and a
 * negative figure must not pass for a small one.
 */
function memoryPerStatement(figures: ManyFigures): number {
  return Math.max(figures.bytesPerStatement, figures.heapBytesPerStatement);
}

/** The median, or "–" for a list that is empty (no cold opens, no load timed) or that older results lack. */
function medianOrDash(values: number[] | undefined): string {
  return values && values.length > 0 ? ms(median(values)) : "–";
}

function serverPartCell(entry: ColdFigures): string {
  return `${medianOrDash(entry.coldOpenServerMs)} / ${medianOrDash(entry.warmOpenServerMs)}`;
}

function coldSection(figures: ColdFigures[]): string {
  if (figures.length === 0) return "";
  let out = "## Cold open of a long history (automerge-paper trace)\n\n";
  out += table(
    [
      "server",
      "edits",
      "replay s",
      "edits/s",
      "server CPU s (replay)",
      "peak RSS MiB",
      "stored bytes (update rows)",
      "state bytes",
      "shutdown ms",
      "cold open ms (median; runs)",
      "busy after the replay ms",
      "warm open ms (median; runs)",
      "of which the server's part, cold / warm ms (medians)",
      "server load ms (median; runs)",
      "of which read + rebuild ms (medians)",
      "encode ms",
      "other load (cores)",
    ],
    figures.map((entry) => [
      label(entry.server),
      count(entry.edits),
      entry.replaySeconds.toFixed(1),
      count(entry.ingestPerSecond),
      cpuCell(entry.replayCpuSeconds, entry.replayDatabaseCpuSeconds, 1),
      mib(Math.max(entry.replayPeakRssBytes, entry.openPeakRssBytes)),
      entry.storedBytes === null
        ? "in memory"
        : `${count(entry.storedBytes)} (${entry.storedRows === null ? "a file" : entry.storedRows})`,
      count(entry.stateBytes),
      ms(entry.shutdownMs),
      entry.coldOpenMs.length > 0
        ? `${ms(median(entry.coldOpenMs))}; ${entry.coldOpenMs.map(ms).join(", ")}`
        : "in memory: no restart possible",
      // Absent in reports of runs from before the warm opens waited for it.
      ms(entry.settleMs),
      `${ms(median(entry.warmOpenMs))}; ${entry.warmOpenMs.map(ms).join(", ")}`,
      serverPartCell(entry),
      entry.serverLoadMs.length > 0
        ? `${ms(median(entry.serverLoadMs))}; ${entry.serverLoadMs.map(ms).join(", ")}`
        : "–",
      entry.serverReadMs.length > 0
        ? `${ms(median(entry.serverReadMs))} + ${ms(median(entry.serverApplyMs))}`
        : "–",
      medianOrDash(entry.serverEncodeMs),
      background(entry.background),
    ]),
  );
  const rows = ratioRows(figures, ["stock", "hocuspocus"], (mine, theirs) => [
    ratio(mine.ingestPerSecond, theirs.ingestPerSecond),
    ratio(mine.replayCpuSeconds, theirs.replayCpuSeconds),
    theirs.coldOpenMs.length > 0 ? ratio(median(mine.coldOpenMs), median(theirs.coldOpenMs)) : "–",
    ratio(median(mine.warmOpenMs), median(theirs.warmOpenMs)),
    mine.warmOpenServerMs?.length && theirs.warmOpenServerMs?.length
      ? ratio(median(mine.warmOpenServerMs), median(theirs.warmOpenServerMs))
      : "–",
    ratio(median(mine.coldOpenMs), median(theirs.warmOpenMs)),
  ]);
  if (rows.length > 0) {
    out += "\nRatios (ours ÷ theirs):\n\n";
    out += table(
      [
        "ratio",
        "edits/s (higher is better)",
        "replay server CPU",
        "cold open ÷ cold open",
        "warm open ÷ warm open",
        "server's part of a warm open (not judged)",
        "our cold open ÷ their warm open",
      ],
      rows,
    );
  }
  out +=
    "\nServer load is `loadDocument` timed inside a freshly started server (nothing loaded, code not yet " +
    "optimised by the JIT, as after a deploy); read + rebuild are its two steps (`loadStoredDocument`, then " +
    "`Y.applyUpdate` into a new document), timed apart in other freshly started servers. Encode is " +
    "`Y.encodeStateAsUpdate` of the loaded document, what a new client's sync step 2 costs in a loaded room; " +
    "in a cold open ours sends a new client the stored snapshot as soon as it is read, and rebuilds meanwhile " +
    "(`server/collab/stored-state-handoff.ts`).\n" +
    "\nWarm opens wait until the server (and its database) has used under 0.05 cores for 250 ms after the " +
    'replay ("busy after the replay": ours persists and compacts the 259,778 updates meanwhile), so they time an ' +
    "open and not that work.\n" +
    "\nThe server's part of an open is connect → the last message the client received before it was synced: " +
    "the upgrade (ours: the session and the statement's access checked in the database), the server's answer " +
    "and its transfer; the rest of an open is the client applying the state. The writer has the same Yjs " +
    "client id against every server, so the servers hold the same bytes: every item names its neighbours by " +
    "client id, a varint of four or five bytes, and the trace's state is 289,553 or 311,460 bytes by that " +
    "alone (ours on PostgreSQL starts from a statement seeded apart: its own client ids differ by a few " +
    "bytes).\n" +
    "\nEvery open is by the same opener process, after 3 untimed opens against the same server: applying the " +
    "state is most of an open, and the opener's JIT speeds it up over its first few opens, so every server is " +
    "timed with an equally warm client.\n" +
    "\nThe stock server keeps documents in memory only: it cannot be restarted without losing the document, so " +
    "it has no cold open, and its warm open (document in memory, writer still connected) is the closest figure. " +
    "Hocuspocus persists in this scenario (see Setup): its cold opens follow a graceful shutdown and a restart, " +
    "as ours do, and its figures in this table (replay, stored bytes, shutdown) are with that persistence. " +
    "Against Hocuspocus, the targets judge cold against cold and warm against warm; ours cold against its warm " +
    "is shown beside them.\n\n";
  return out;
}

function manySection(figures: ManyFigures[]): string {
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

/** How the day's load generators were warmed up before the measurement, if they were. */
function loadWarmUpNote(day: readonly TypingFigures[]): string {
  const listed = day.flatMap(({ server, loadWarmUp }) =>
    loadWarmUp
      ? [
          `${SERVER_LABELS[server]}: ${loadWarmUp.keystrokes.toLocaleString("en-US")} keystrokes against ` +
            `${SERVER_LABELS[loadWarmUp.against]}, ${loadWarmUp.seconds.toFixed(1)} s`,
        ]
      : [],
  );
  if (listed.length === 0)
    return " The load generators were not warmed up: their own start-up is in the figures.";
  return (
    " Before the measurement the load generators typed in the same way in rooms of separate servers of their " +
    "clients' kind, not measured and stopped before the measurement, so that their own code is warm while the " +
    `servers under test are as cold as after a deploy (${listed.join("; ")}).`
  );
}

/** How the day's servers shared the run, when they were typed at in turns (reports from before: one after the other). */
function dayTurnsNote(turn: unknown, seconds: unknown, firstPause: unknown): string {
  if (typeof turn !== "number" || turn <= 0) return "";
  const pause =
    typeof firstPause === "number" && firstPause > 0
      ? ` In the first round, the only one in which every server is typed at cold, each turn was followed by ` +
        `${firstPause} s without typing, so that every server's first turn started after a rest, as the ` +
        "first-listed server's always does. Without it, each first turn came right after another server's " +
        "first turn and shared the cores with its after-effects, and the order the servers were listed in " +
        "moved their first seconds' figures."
      : "";
  return (
    `\n\nThe servers (all but the floor, which ran alone first) ran side by side, each with its clients ` +
    `connected, and were typed at in turns of ${turn} s, ${seconds} s each in all: round after round, in orders ` +
    "where every server comes right after every other equally often (a Williams design). On this shared machine " +
    "slow spells last many seconds; run one after the other, a spell fell on one server's whole run and decided " +
    "its p99. Typed in turns, the spells fall on every server alike. Each server's clients are in load " +
    "generators of their own, which type only in its turns, at times set on the wall clock they share (in one " +
    "process holding every server's clients, that process's garbage collection showed in every server's tail). " +
    "The first 3 s and each second's p99 are a " +
    "server's own typing seconds (its turns). Server CPU is over the whole window, its idle time during the " +
    "others' turns included (pings and presence renewals of its clients), so CPU % and CPU µs / delivery count " +
    "that too; CPU % is that CPU over the server's own typing time. The event-loop delay is over the whole " +
    "window too; the load generators' CPU is theirs during the server's turns." +
    pause
  );
}

export function renderReport(results: BenchResults): string {
  let out = "# Beredning collaboration benchmark\n\n";
  if (results.quick) {
    out +=
      "> **Quick pass**: tiny sizes to check that the bench works and that integrity holds. The timings below are " +
      "not meaningful and no target is judged on them.\n\n";
  }
  out +=
    `Run ${results.startedAt} → ${results.finishedAt} (${(results.durationSeconds / 60).toFixed(1)} min) with ` +
    `\`${results.command}\`.\n\n` +
    "The machine is a shared, noisy 2-core virtual machine: every figure below comes from one run, and figures " +
    "of the same server move between runs by tens of percent (tail latencies more). Ratios compare servers " +
    "measured minutes apart in the same run, or, in a Beredning day typed in turns, side by side in the same " +
    "minutes. Servers and load generators share the two cores, so the load " +
    "generators' CPU is listed beside each figure, and so is the CPU other processes on the machine used " +
    'during the measured window ("other load", in cores of 2; **bold** from 0.3 cores: that figure was ' +
    "disturbed). Before each server start the bench waits (a bounded time) for other load to drop below " +
    "0.3 cores.\n\n";

  out += "## Machine\n\n";
  out += table(["", ""], Object.entries(results.machine));
  out += "\n## Versions\n\n";
  out += table(["", ""], Object.entries(results.versions));

  out += "\n## Setup\n\n";
  out +=
    "- Each server under test runs in its own Node process (`node --expose-gc --import tsx " +
    "bench/servers/<name>.ts`) on 127.0.0.1, started fresh for every scenario, alone on the machine except in a " +
    "Beredning day typed in turns (see there); the load generators are separate " +
    "processes (`bench/load/*.ts`). Server CPU is read from `/proc/<pid>/stat` (user + system) over the measured " +
    'window, peak RSS is `VmHWM` from `/proc/<pid>/status`. `--expose-gc` serves the figures "after a forced GC"; ' +
    "ours also uses it itself, as `npm start` runs it: after 100 statements have unloaded and a second has passed " +
    "without another unload, it runs two full collections, so the memory goes back to the system " +
    "(`server/collab/memory-release.ts`).\n" +
    "- **ours**: `server/app.ts` (collaboration part, `BEREDNING_PARTS=collab`, `NODE_ENV=production`, default " +
    "`COLLAB_*` settings) with real next-auth session cookies minted for the demo drafters, persisting to PGlite " +
    "(a copy of a seeded data folder) or PostgreSQL (a database copied from a seeded template). For " +
    "ours (PostgreSQL), the PostgreSQL server's own CPU and memory are not counted. As after any start, ours " +
    "warms up its Yjs codec, database reads and update-log writes before it listens " +
    "(`server/collab/warm-up.ts`); the other servers have no such step.\n" +
    "- **stock**: `y-websocket@2.1.0` `bin/utils.cjs` (`setupWSConnection`, in memory, gc on) wired as its " +
    "`bin/server.cjs` does, on `ws` 8 like ours.\n" +
    "- **Hocuspocus 4**: `@hocuspocus/server` `Server` with its defaults (no extensions: in memory), driven by " +
    "`@hocuspocus/provider` (one socket per client). In the cold-open scenario only, it persists with its own " +
    "`@hocuspocus/extension-database`, storing each document's state in a file, so that it too can be " +
    "restarted and open the trace cold.\n" +
    "- **floor**: a plain `ws` relay forwarding each frame to the other sockets of its room (no Yjs): the cost " +
    "of the network, `ws` and the harness alone.\n" +
    "- Clients: ours and stock get the y-websocket 3.1 `WebsocketProvider` (ours with the Cookie header), " +
    "Hocuspocus its own provider. Ours load statements from the database; the in-memory servers get the very " +
    "same initial document bytes from their first client. Typists append to a paragraph, one character per Yjs " +
    "update; latency is keystroke → the keystroke is in another client's document (its state vector covers " +
    "it), both ends timed with one clock in the load generator that holds sender and receiver.\n";
  for (const line of results.setup) out += `- ${line}\n`;
  const sources = new Map<string, { commits: Set<string>; runs: string[] }>();
  for (const version of results.codeVersions ?? []) {
    const entry = sources.get(version.fingerprint) ?? { commits: new Set<string>(), runs: [] };
    entry.commits.add(version.commit);
    entry.runs.push(version.run);
    sources.set(version.fingerprint, entry);
  }
  if (sources.size === 1) {
    const [[fingerprint, entry]] = [...sources] as [[string, { commits: Set<string>; runs: string[] }]];
    out +=
      `- Ours' code (server, db, auth, domain, editor, events) was the same in every run: source ${fingerprint}` +
      ` (commit ${[...entry.commits].join(", then ")}${entry.commits.size > 1 ? "; HEAD moved during the run, ours' code did not" : ""}).\n`;
  } else if (sources.size > 1) {
    out +=
      "- **Ours' code changed during this run** (others work in this checkout), so figures of ours come from " +
      `different versions: ${[...sources]
        .map(
          ([fingerprint, entry]) =>
            `source ${fingerprint} (commit ${[...entry.commits].join(", ")}): ${entry.runs.join(", ")}`,
        )
        .join("; ")}.\n`;
  }
  if (results.quietWaits.length > 0) {
    const waited = results.quietWaits.reduce((sum, wait) => sum + wait.waitedMs, 0) / 1000;
    const busy = results.quietWaits.filter((wait) => wait.otherCores >= 0.3);
    out +=
      `- Waiting for a quiet machine: ${waited.toFixed(0)} s in all over ${results.quietWaits.length} server starts; ` +
      `${busy.length} started while other processes still used ≥ 0.3 cores` +
      (busy.length > 0
        ? ` (${busy.map((wait) => `${wait.run}: ${wait.otherCores.toFixed(1)}`).join(", ")})`
        : "") +
      ".\n";
  }
  for (const line of results.skipped) out += `- **Skipped**: ${line}\n`;
  for (const line of results.notes) out += `- Note: ${line}\n`;
  out += `- Options: \`${JSON.stringify(results.options)}\`\n`;

  if (!results.quick) {
    out += "\n## Targets\n\n";
    const list = targets(results);
    out += table(
      ["target", "measured", "verdict"],
      list.map((entry) => [entry.target, entry.measured, verdict(entry.met)]),
    );
    const disturbed = [
      ...results.day.map((entry) => ({ what: `day ${label(entry.server)}`, load: entry.background })),
      ...results.saturation.map((entry) => ({
        what: `saturation ${label(entry.server)}`,
        load: entry.background,
      })),
      ...results.cold.map((entry) => ({
        what: `cold (replay) ${label(entry.server)}`,
        load: entry.background,
      })),
      ...results.many.map((entry) => ({ what: `many ${label(entry.server)}`, load: entry.background })),
    ].filter((entry) => entry.load && entry.load.otherCores >= 0.3);
    if (disturbed.length > 0) {
      out +=
        "\n**Disturbed figures**: other processes on this shared machine used ≥ 0.3 of its 2 cores while " +
        `these were measured, so treat them (and ratios built on them) with extra caution: ${disturbed
          .map((entry) => `${entry.what} (${entry.load.otherCores.toFixed(1)} cores)`)
          .join(", ")}.\n\n`;
    }
    const met = list.filter((entry) => entry.met === true).length;
    const unmet = list.filter((entry) => entry.met === false).length;
    out += `\n${met} of ${list.length} targets met, ${unmet} not met.\n`;
  }

  out += "\n";
  const options = results.options as Record<string, number | boolean | string>;
  let day = typingSection("Beredning day", results.day, false);
  if (day) {
    day = day.replace(
      "\n\n",
      `\n\n${options.dayRooms} statements × ${options.dayClients} clients, ${options.dayTypists} of them typing ` +
        `${options.dayCps} characters/s each for ${options.daySeconds} s (the floor: ${options.floorSeconds} s)` +
        `${options.dayAwareness ? ", moving their caret in awareness with every keystroke" : ""}.` +
        `${loadWarmUpNote(results.day)}${dayTurnsNote(options.dayTurn, options.daySeconds, options.dayFirstPause)}\n\n`,
    );
  }
  out += day;
  let saturation = typingSection("Saturation", results.saturation, true);
  if (saturation) {
    saturation = saturation.replace(
      "\n\n",
      `\n\nOne statement, ${options.satClients} clients (in ${options.satProcs} load-generator processes) all ` +
        `typing as fast as they can for ${options.satSeconds} s: each may have ${options.satWindow} keystrokes ` +
        "not yet seen by its peers in the same process, and types the next one as soon as that allows. " +
        "Updates/s counts keystrokes that reached all peers, from the start until every client had every " +
        "keystroke; latency is measured between clients of the same process.\n\n",
    );
  }
  out += saturation;
  out += coldSection(results.cold);
  out += manySection(results.many);

  out += "## Integrity\n\n";
  out +=
    "After every scenario: no keystroke missing at any client, all clients of a statement hold the same " +
    "document (every section's full XML), a freshly connected client holds it too (what the server has), and " +
    "for ours the database (snapshot + update log, read after a graceful shutdown) holds it too.\n\n";
  out += table(
    ["scenario", "server", "result", "detail"],
    results.integrity.map((entry) => [
      entry.scenario,
      label(entry.server),
      entry.ok ? "ok" : "**FAILED**",
      entry.detail,
    ]),
  );

  if (results.profiles.length > 0) {
    out += "\n## CPU profiles of ours (`--profile`)\n\n";
    for (const profile of results.profiles) {
      out += `**${profile.scenario}, ${label(profile.server)}** (\`${profile.file}\`), self time as a share of busy time:\n\n`;
      out += table(
        ["self %", "function"],
        profile.top.map((entry) => [entry.selfPercent.toFixed(1), `\`${entry.name}\``]),
      );
      out += "\n";
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output] = process.argv.slice(2);
  if (!input) throw new Error("usage: report.ts results.json [out.md]");
  const markdown = renderReport(JSON.parse(readFileSync(input, "utf8")) as BenchResults);
  if (output) writeFileSync(output, markdown);
  else process.stdout.write(markdown);
}
