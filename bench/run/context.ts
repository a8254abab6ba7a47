import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCH_TMP, REPOSITORY } from "../lib/databases";
import type { BenchResults, ScenarioName, ServerName } from "../lib/results";

// ---------------------------------------------------------------------------------------------
// Options

export const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    scenarios: { type: "string" },
    servers: { type: "string" },
    "day-rooms": { type: "string" },
    "day-clients": { type: "string" },
    "day-typists": { type: "string" },
    "day-cps": { type: "string" },
    "day-seconds": { type: "string" },
    "day-awareness": { type: "string" },
    "day-warm-up": { type: "string" },
    "day-turn": { type: "string" },
    "day-first-pause": { type: "string" },
    "floor-seconds": { type: "string" },
    "sat-clients": { type: "string" },
    "sat-seconds": { type: "string" },
    "sat-window": { type: "string" },
    "sat-procs": { type: "string" },
    "trace-edits": { type: "string" },
    "trace-chunk": { type: "string" },
    "trace-flow": { type: "string" },
    "cold-repeats": { type: "string" },
    "warm-opens": { type: "string" },
    many: { type: "string" },
    "spread-rooms": { type: "string" },
    "load-procs": { type: "string" },
    postgres: { type: "string" },
    out: { type: "string" },
    profile: { type: "boolean", default: false },
    "no-cache": { type: "boolean", default: false },
    "quiet-wait": { type: "string" },
    "ours-env": { type: "string" },
    baseline: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (flags.help) {
  process.stdout.write(`Usage: npm run bench -- [flags]   (see bench/README.md)
  --quick                tiny sizes; integrity only (timings are not meaningful)
  --scenarios LIST       day,saturation,nodes,cold,many,export,versions
  --servers LIST         ours-pglite,ours-postgres,stock,hocuspocus,floor (and ours-baseline)
  --day-rooms N --day-clients N --day-typists N --day-cps N --day-seconds N --day-awareness on|off --day-warm-up SECONDS --day-turn SECONDS (0 = one server after the other) --day-first-pause SECONDS --floor-seconds N
  --sat-clients N --sat-seconds N --sat-window N --sat-procs N
  --trace-edits N (0 = the whole trace) --trace-chunk N --trace-flow N --cold-repeats N --warm-opens N
  --many N --spread-rooms N --load-procs N --postgres auto|off --profile --no-cache --quiet-wait SECONDS --out FILE.md
  --ours-env KEY=VALUE,...  extra settings for ours (e.g. COLLAB_COMPACT_EVERY=2000), for A/B runs
  --baseline DIR         another checkout of ours (with node_modules), served as ours-baseline on PGlite
`);
  process.exit(0);
}

/** `--ours-env A=1,B=2`: settings only ours' server gets (COLLAB_* tuning), recorded in the options. */
export function parseOursEnv(list: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of list?.split(",").filter(Boolean) ?? []) {
    const [key, value] = pair.split("=");
    if (!key || value === undefined || !/^COLLAB_[A-Z_]+$/.test(key)) {
      throw new Error(`--ours-env takes COLLAB_NAME=value pairs, not "${pair}"`);
    }
    env[key] = value;
  }
  return env;
}

export const quick = flags.quick ?? false;
export const number = (name: keyof typeof flags, standard: number, quickValue: number): number => {
  const given = flags[name];
  if (typeof given === "string") {
    const parsed = Number(given);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${String(name)} must be a number`);
    return parsed;
  }
  return quick ? quickValue : standard;
};

export const ALL_SERVERS: ServerName[] = ["floor", "stock", "hocuspocus", "ours-pglite", "ours-postgres"];
export const options = {
  /** Empty: every scenario (bench/scenarios/index.ts); run.ts checks the names. */
  scenarios: (flags.scenarios?.split(",") ?? []) as ScenarioName[],
  servers: (flags.servers?.split(",") ??
    (flags.baseline ? [...ALL_SERVERS, "ours-baseline"] : ALL_SERVERS)) as ServerName[],
  dayRooms: number("day-rooms", 50, 2),
  dayClients: number("day-clients", 6, 3),
  dayTypists: number("day-typists", 2, 2),
  dayCps: number("day-cps", 8, 8),
  daySeconds: number("day-seconds", 30, 2),
  dayAwareness: (flags["day-awareness"] ?? "on") !== "off",
  /** Seconds the day's load generators type against a server not under test first (0: not at all). */
  dayWarmUp: number("day-warm-up", 3, 1),
  /**
   * The day's servers are typed at in turns of this many seconds, each for the day's seconds in all
   * (0: one server after the other, each alone on the machine).
   */
  dayTurn: number("day-turn", 1, 1),
  /**
   * Seconds of rest after each turn of the day's first round, the one in which every server is typed
   * at cold (see `typingSchedule`). Off by default: the committed report was measured without it, and
   * twelve runs with and without it on a noisy machine did not show that it evens the servers out.
   * The quick pass rests, so that `npm test` covers the schedule's way to every load generator.
   */
  dayFirstPause: number("day-first-pause", 0, 0.5),
  /** The floor's Beredning day is shorter: it only sets the floor under the latency figures. */
  floorSeconds: number("floor-seconds", 10, 2),
  satClients: number("sat-clients", 20, 4),
  satSeconds: number("sat-seconds", 10, 1),
  satWindow: number("sat-window", 8, 4),
  satProcs: number("sat-procs", 2, 2),
  traceEdits: number("trace-edits", 0, 3000),
  traceChunk: number("trace-chunk", 1000, 500),
  traceFlow: number("trace-flow", 10_000, 1000),
  coldRepeats: number("cold-repeats", 3, 1),
  /*
   * Warm opens are cheap (no restart), and their spread in one run (20-44 ms) is wider than the
   * differences between servers: most of an open is the client applying the state, which varies
   * with the opener's garbage collection. A median of nine still moved by a few ms between runs.
   */
  warmOpens: number("warm-opens", 25, 2),
  many: number("many", 2000, 6),
  /** Statements of the saturation over one node and two (scenario `nodes`): 2 clients each, 1 typing. */
  spreadRooms: number("spread-rooms", 2000, 4),
  loadProcs: number("load-procs", 2, 2),
  postgres: flags.postgres ?? "auto",
  profile: flags.profile ?? false,
  cache: !(flags["no-cache"] ?? false),
  /** Seconds each server run may wait for other processes to go below 0.3 cores (0: never wait). */
  quietWait: number("quiet-wait", 20, 0),
  oursEnv: parseOursEnv(flags["ours-env"]),
  /** A checkout of an earlier commit of ours, run as the server `ours-baseline` beside this one. */
  baseline: flags.baseline ? path.resolve(flags.baseline) : null,
};
for (const server of options.servers) {
  if (!ALL_SERVERS.includes(server) && server !== "ours-baseline")
    throw new Error(`Unknown server ${server}`);
}
if (options.servers.includes("ours-baseline") !== (options.baseline !== null)) {
  throw new Error("--servers ours-baseline and --baseline DIR go together");
}

export const runId = new Date().toISOString().replace(/[:.]/g, "-");
export const runFolder = path.join(BENCH_TMP, `run-${runId}`);
export const logFolder = path.join(runFolder, "logs");
export const profileFolder = path.join(runFolder, "profiles");
mkdirSync(logFolder, { recursive: true });
export const outFile = path.resolve(
  flags.out ?? (quick ? path.join(os.tmpdir(), "beredning-bench-quick.md") : "bench/results/latest.md"),
);
export const jsonFile = `${outFile.replace(/\.md$/, "")}.json`;
export const TRACE_FILE = path.join(REPOSITORY, "..", "shared", "data", "automerge-paper.json.gz");
export const AUTH_SECRET = `bench-${runId}-secret-long-enough-for-next-auth`;

export const results: BenchResults = {
  quick,
  startedAt: new Date().toISOString(),
  finishedAt: "",
  durationSeconds: 0,
  command: `npm run bench${quick ? ":quick" : ""} ${process.argv.slice(2).join(" ")}`.trim(),
  options,
  machine: {},
  versions: {},
  setup: [],
  codeVersions: [],
  quietWaits: [],
  notes: [],
  skipped: [],
  day: [],
  saturation: [],
  cold: [],
  many: [],
  export: [],
  integrity: [],
  profiles: [],
};
export const startedAt = performance.now();

export function log(message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[bench ${seconds}s] ${message}\n`);
}

export function check(scenario: ScenarioName, server: ServerName, ok: boolean, detail: string): void {
  results.integrity.push({ scenario, server, ok, detail });
  if (!ok) log(`INTEGRITY FAILURE ${scenario} ${server}: ${detail}`);
}
