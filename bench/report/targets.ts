/** The report's targets: each judged on the figures of its scenario. */
import type { BenchResults, ServerName } from "../lib/results";
import { median } from "../lib/stats";
import { crossedOpenRatio, type HocuspocusCheck, traceOpenChecks } from "./cold";
import { count, find, kib, label, mib, ms, OURS, ratio, type Target, table, verdict } from "./format";
import { memoryPerStatement } from "./many";

/** The typing targets of one of ours: the day's tail latency, saturation's throughput. */
function typingTargets(results: BenchResults, ours: ServerName): Target[] {
  const list: Target[] = [];
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
  return list;
}

/** The cold-open targets of one of ours: the open a client sees, and the server's load. */
function coldTargets(results: BenchResults, ours: ServerName): Target[] {
  const cold = find(results.cold, ours);
  if (!cold) return [];
  const name = label(ours);
  const open = median(cold.coldOpenMs);
  const load = median(cold.serverLoadMs);
  return [
    {
      target: `Cold open of the trace statement, ${name}: connect → synced < 300 ms`,
      measured: `median ${ms(open)} ms after a restart (runs: ${cold.coldOpenMs.map(ms).join(", ")})`,
      met: Number.isNaN(open) ? null : open < 300,
    },
    {
      target: `Cold open of the trace statement, ${name}: server load < 150 ms`,
      measured: `median ${ms(load)} ms (runs: ${cold.serverLoadMs.map(ms).join(", ")})`,
      met: Number.isNaN(load) ? null : load < 150,
    },
  ];
}

/** The memory targets of one of ours with many statements open, and after they are left. */
function manyTargets(results: BenchResults, ours: ServerName): Target[] {
  const many = find(results.many, ours);
  if (!many) return [];
  const name = label(ours);
  const growth = many.rssAfterLeaveBytes / many.rssStartBytes - 1;
  return [
    {
      target: `Many statements, ${name}: < 60 KB (60,000 bytes) per loaded small statement`,
      measured:
        `${count(memoryPerStatement(many))} bytes (${kib(memoryPerStatement(many))} KiB) over ${many.statements} ` +
        `statements: the larger of RSS growth (${kib(many.bytesPerStatement)} KiB) and heap + external growth ` +
        `after GC (${kib(many.heapBytesPerStatement)} KiB)`,
      met: memoryPerStatement(many) < 60_000,
    },
    {
      target: `Many statements, ${name}: after all leave, RSS within 10% of start`,
      measured:
        `${mib(many.rssAfterLeaveBytes)} MiB vs ${mib(many.rssStartBytes)} MiB at start (${(growth * 100).toFixed(0)}%; ` +
        `after a forced GC ${mib(many.rssAfterGcBytes)} MiB), ${many.roomsAfterLeave} statements still loaded`,
      met: growth <= 0.1,
    },
  ];
}

/** Ahead of Hocuspocus on the headline figure of every scenario. */
function hocuspocusTargets(results: BenchResults, ours: ServerName): Target[] {
  const list: Target[] = [];
  const name = label(ours);
  const day = find(results.day, ours);
  const saturation = find(results.saturation, ours);
  const cold = find(results.cold, ours);
  const many = find(results.many, ours);
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
  return list;
}

export function targets(results: BenchResults): Target[] {
  return OURS.flatMap((ours) => [
    ...typingTargets(results, ours),
    ...coldTargets(results, ours),
    ...manyTargets(results, ours),
    ...hocuspocusTargets(results, ours),
  ]);
}

/** The targets table, and which figures other processes disturbed; none in a quick pass. */
export function targetsSection(results: BenchResults): string {
  if (results.quick) return "";
  let out = "";
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
  return out;
}
