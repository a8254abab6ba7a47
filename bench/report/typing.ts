/** The report's sections of the typing scenarios: a Beredning day and saturation. */
import { type BenchResults, SERVER_LABELS, type TypingFigures } from "../lib/results";
import { background, count, cpuCell, label, mib, ms, ratio, ratioRows, table } from "./format";

/** A typing scenario's section: its heading, the intro saying what was run, then the figures. */
function typingSection(title: string, intro: string, figures: TypingFigures[], saturation: boolean): string {
  if (figures.length === 0) return "";
  let out = `## ${title}\n\n${intro}\n\n`;
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
  const rows = ratioRows(figures, ["ours-baseline", "stock", "hocuspocus", "floor"], (mine, theirs) => [
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
export const SLOWEST_SECONDS = 3;

/**
 * Each second's p99 (of the keystrokes typed in it): whether a run's p99 came from the start-up,
 * from a periodic stall (a heartbeat, say) or from one slow spell of the machine.
 */
export function secondsTable(figures: TypingFigures[]): string {
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

/** How the day's load generators were warmed up before the measurement, if they were. */
export function loadWarmUpNote(day: readonly TypingFigures[]): string {
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
export function dayTurnsNote(turn: unknown, seconds: unknown, firstPause: unknown): string {
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

type Options = Record<string, number | boolean | string>;

/** A Beredning day: what was typed, how the load generators warmed up and how the servers took turns. */
export function daySection(results: BenchResults): string {
  const options = results.options as Options;
  const intro =
    `${options.dayRooms} statements × ${options.dayClients} clients, ${options.dayTypists} of them typing ` +
    `${options.dayCps} characters/s each for ${options.daySeconds} s (the floor: ${options.floorSeconds} s)` +
    `${options.dayAwareness ? ", moving their caret in awareness with every keystroke" : ""}.` +
    `${loadWarmUpNote(results.day)}${dayTurnsNote(options.dayTurn, options.daySeconds, options.dayFirstPause)}`;
  return typingSection("Beredning day", intro, results.day, false);
}

/** Saturation: one statement typed at as fast as its clients can. */
export function saturationSection(results: BenchResults): string {
  const options = results.options as Options;
  const intro =
    `One statement, ${options.satClients} clients (in ${options.satProcs} load-generator processes) all ` +
    `typing as fast as they can for ${options.satSeconds} s: each may have ${options.satWindow} keystrokes ` +
    "not yet seen by its peers in the same process, and types the next one as soon as that allows. " +
    "Updates/s counts keystrokes that reached all peers, from the start until every client had every " +
    "keystroke; latency is measured between clients of the same process.";
  return typingSection("Saturation", intro, results.saturation, true);
}
