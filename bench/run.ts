/**
 * `npm run bench` (and `npm run bench:quick`): starts each server under test on 127.0.0.1 in its own
 * process, drives it with real clients from separate load-generator processes, checks integrity
 * after every scenario, and writes bench/results/latest.md (+ .json). See bench/README.md.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import {
  BENCH_TMP,
  codeFingerprint,
  dropPostgresDatabase,
  openStored,
  type PgliteTemplate,
  type PostgresTemplate,
  pgliteCopy,
  pgliteTemplate,
  postgresCopy,
  postgresTemplate,
  pruneOldRuns,
  REPOSITORY,
  type StoredLocation,
  storedDigest,
  storedSize,
} from "./lib/databases";
import { digestUpdate } from "./lib/digest";
import type { Message } from "./lib/ipc";
import { backgroundMeter, cpuBetween, cpuOf, waitForQuiet, waitUntilIdle } from "./lib/machine";
import { findPostgres, type PostgresServer } from "./lib/postgres";
import { killChildren, type NodeChild, spawnNode } from "./lib/processes";
import { cpuSeconds, memory } from "./lib/procfs";
import { summariseProfile } from "./lib/profile";
import {
  type BenchResults,
  type ColdFigures,
  type EventLoopDelay,
  type LoadWarmUp,
  type ManyFigures,
  type ScenarioName,
  SERVER_LABELS,
  type ServerName,
  type TypingFigures,
} from "./lib/results";
import { type BenchManifest, sessionCookie } from "./lib/seed";
import { distribution, joinSeconds, START_UP_SECONDS } from "./lib/stats";
import type { YjsServerKind } from "./load/clients";
import type { ManyResult, ManySpec } from "./load/many";
import { scheduleEndMs, typingSchedule } from "./load/pace";
import type { OpenResult, ReplayResult, ReplaySpec, TraceTarget } from "./load/trace";
import type { SenderReport, TypingResult, TypingRoomSpec, TypingSpec, TypingTarget } from "./load/typing";
import { renderReport } from "./report";
import { runExportScenario } from "./scenarios/export";

// ---------------------------------------------------------------------------------------------
// Options

const { values: flags } = parseArgs({
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
    "load-procs": { type: "string" },
    postgres: { type: "string" },
    out: { type: "string" },
    profile: { type: "boolean", default: false },
    "no-cache": { type: "boolean", default: false },
    "quiet-wait": { type: "string" },
    "ours-env": { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (flags.help) {
  process.stdout.write(`Usage: npm run bench -- [flags]   (see bench/README.md)
  --quick                tiny sizes; integrity only (timings are not meaningful)
  --scenarios LIST       day,saturation,cold,many,export
  --servers LIST         ours-pglite,ours-postgres,stock,hocuspocus,floor
  --day-rooms N --day-clients N --day-typists N --day-cps N --day-seconds N --day-awareness on|off --day-warm-up SECONDS --day-turn SECONDS (0 = one server after the other) --day-first-pause SECONDS --floor-seconds N
  --sat-clients N --sat-seconds N --sat-window N --sat-procs N
  --trace-edits N (0 = the whole trace) --trace-chunk N --trace-flow N --cold-repeats N --warm-opens N
  --many N --load-procs N --postgres auto|off --profile --no-cache --quiet-wait SECONDS --out FILE.md
  --ours-env KEY=VALUE,...  extra settings for ours (e.g. COLLAB_COMPACT_EVERY=2000), for A/B runs
`);
  process.exit(0);
}

/** `--ours-env A=1,B=2`: settings only ours' server gets (COLLAB_* tuning), recorded in the options. */
function parseOursEnv(list: string | undefined): Record<string, string> {
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

const quick = flags.quick ?? false;
const number = (name: keyof typeof flags, standard: number, quickValue: number): number => {
  const given = flags[name];
  if (typeof given === "string") {
    const parsed = Number(given);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${String(name)} must be a number`);
    return parsed;
  }
  return quick ? quickValue : standard;
};

const ALL_SCENARIOS: ScenarioName[] = ["day", "saturation", "cold", "many", "export"];
const ALL_SERVERS: ServerName[] = ["floor", "stock", "hocuspocus", "ours-pglite", "ours-postgres"];
const options = {
  scenarios: (flags.scenarios?.split(",") ?? ALL_SCENARIOS) as ScenarioName[],
  servers: (flags.servers?.split(",") ?? ALL_SERVERS) as ServerName[],
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
  loadProcs: number("load-procs", 2, 2),
  postgres: flags.postgres ?? "auto",
  profile: flags.profile ?? false,
  cache: !(flags["no-cache"] ?? false),
  /** Seconds each server run may wait for other processes to go below 0.3 cores (0: never wait). */
  quietWait: number("quiet-wait", 20, 0),
  oursEnv: parseOursEnv(flags["ours-env"]),
};
for (const scenario of options.scenarios) {
  if (!ALL_SCENARIOS.includes(scenario)) throw new Error(`Unknown scenario ${scenario}`);
}
for (const server of options.servers) {
  if (!ALL_SERVERS.includes(server)) throw new Error(`Unknown server ${server}`);
}

const runId = new Date().toISOString().replace(/[:.]/g, "-");
const runFolder = path.join(BENCH_TMP, `run-${runId}`);
const logFolder = path.join(runFolder, "logs");
const profileFolder = path.join(runFolder, "profiles");
mkdirSync(logFolder, { recursive: true });
const outFile = path.resolve(
  flags.out ?? (quick ? path.join(os.tmpdir(), "beredning-bench-quick.md") : "bench/results/latest.md"),
);
const jsonFile = `${outFile.replace(/\.md$/, "")}.json`;
const TRACE_FILE = path.join(REPOSITORY, "..", "shared", "data", "automerge-paper.json.gz");
const AUTH_SECRET = `bench-${runId}-secret-long-enough-for-next-auth`;

const results: BenchResults = {
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
  integrity: [],
  profiles: [],
};
const startedAt = performance.now();

function log(message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[bench ${seconds}s] ${message}\n`);
}

function check(scenario: ScenarioName, server: ServerName, ok: boolean, detail: string): void {
  results.integrity.push({ scenario, server, ok, detail });
  if (!ok) log(`INTEGRITY FAILURE ${scenario} ${server}: ${detail}`);
}

// ---------------------------------------------------------------------------------------------
// Databases for ours

interface DatabaseSource {
  kind: "pglite" | "postgres";
  manifest: BenchManifest;
  cookies: string[];
  pglite?: PgliteTemplate;
  postgres?: PostgresTemplate;
}

const sources = new Map<"pglite" | "postgres", DatabaseSource>();
let postgresServer: PostgresServer | null = null;
const createdDatabases: string[] = [];

async function cookiesFor(manifest: BenchManifest): Promise<string[]> {
  return Promise.all(manifest.writers.map((writer) => sessionCookie(writer, AUTH_SECRET)));
}

async function prepareDatabases(): Promise<void> {
  const sizes = {
    dayRooms: Math.max(options.dayRooms, 1),
    manyStatements: options.scenarios.includes("many") ? options.many : 0,
  };
  const wantPglite = options.servers.includes("ours-pglite");
  let wantPostgres = options.servers.includes("ours-postgres") && options.postgres !== "off";
  if (wantPostgres) {
    postgresServer = await findPostgres(quick);
    if (!postgresServer) {
      wantPostgres = false;
      results.skipped.push(
        "ours (PostgreSQL): no PostgreSQL available (set BENCH_DATABASE_URL or install the server binaries)",
      );
    } else {
      results.setup.push(`PostgreSQL: ${postgresServer.description}`);
    }
  } else if (options.servers.includes("ours-postgres")) {
    results.skipped.push("ours (PostgreSQL): --postgres off");
  }
  if (!wantPostgres) options.servers = options.servers.filter((server) => server !== "ours-postgres");
  log(`seeding databases (${sizes.dayRooms + 2 + sizes.manyStatements} statements each)`);
  const [pglite, postgres] = await Promise.all([
    wantPglite ? pgliteTemplate(sizes, options.cache) : Promise.resolve(null),
    wantPostgres && postgresServer ? postgresTemplate(postgresServer.adminUrl, sizes) : Promise.resolve(null),
  ]);
  if (pglite) {
    sources.set("pglite", {
      kind: "pglite",
      manifest: pglite.manifest,
      cookies: await cookiesFor(pglite.manifest),
      pglite,
    });
    results.setup.push(
      pglite.cached
        ? "PGlite template: reused from bench/tmp/cache (same schema, queries, seed and sizes)"
        : `PGlite template: migrated and seeded in ${pglite.seedSeconds.toFixed(1)} s`,
    );
  }
  if (postgres) {
    sources.set("postgres", {
      kind: "postgres",
      manifest: postgres.manifest,
      cookies: await cookiesFor(postgres.manifest),
      postgres,
    });
    results.setup.push(
      `PostgreSQL template database: migrated and seeded in ${postgres.seedSeconds.toFixed(1)} s`,
    );
  }
}

function sourceOf(server: ServerName): DatabaseSource {
  const source = sources.get(server === "ours-postgres" ? "postgres" : "pglite");
  if (!source) throw new Error(`No database prepared for ${server}`);
  return source;
}

// ---------------------------------------------------------------------------------------------
// Servers under test

interface RunningServer {
  server: ServerName;
  node: NodeChild;
  baseUrl: string;
  location: StoredLocation | null;
}

const isOurs = (server: ServerName) => server === "ours-pglite" || server === "ours-postgres";

const SERVER_SCRIPTS: Record<ServerName, string> = {
  "ours-pglite": "bench/servers/ours.ts",
  "ours-postgres": "bench/servers/ours.ts",
  stock: "bench/servers/stock.ts",
  hocuspocus: "bench/servers/hocuspocus.ts",
  floor: "bench/servers/floor.ts",
};

/** A database of its own for one server run of ours, copied from the seeded template. */
async function freshLocation(server: ServerName, name: string): Promise<StoredLocation> {
  const source = sourceOf(server);
  if (source.pglite) return { kind: "pglite", dataDir: await pgliteCopy(source.pglite, name, runFolder) };
  if (!source.postgres) throw new Error("No template");
  const url = await postgresCopy(source.postgres, name);
  createdDatabases.push(url);
  return { kind: "postgres", url };
}

/** The PostgreSQL processes serving ours (PostgreSQL), when the bench started the cluster itself. */
function databasePids(server: ServerName): number[] {
  return server === "ours-postgres" && postgresServer ? postgresServer.pids() : [];
}

/** Measures the database's CPU over a window; null when it is not ours to measure. */
function databaseCpuMeter(server: ServerName): { stop(): number | null } {
  const pids = databasePids(server);
  const before = cpuOf(pids);
  return {
    stop: () =>
      pids.length === 0 ? null : cpuBetween(before, cpuOf(new Set([...pids, ...databasePids(server)]))),
  };
}

let serverRuns = 0;
/** A server using less than this (cores, over 250 ms) has finished what it was doing. */
const SETTLED_MAX_CORES = 0.05;
const SETTLE_MAX_WAIT_MS = 30_000;

/** Waits (bounded) until the server and its database are idle; returns how long that took. */
function serverSettled(running: RunningServer): Promise<number> {
  return waitUntilIdle(
    () => [running.node.pid, ...databasePids(running.server)],
    SETTLED_MAX_CORES,
    SETTLE_MAX_WAIT_MS,
  );
}

/** All the waiting for a quiet machine one run may do, in total. */
let quietBudgetMs = 60_000;

async function startServer(
  server: ServerName,
  /** What the run is for; names its log. */
  scenario: ScenarioName | "day-warm-up",
  location: StoredLocation | null,
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  const name = `${scenario}-${server}-${++serverRuns}`;
  if (options.quietWait > 0 && quietBudgetMs > 0) {
    const quiet = await waitForQuiet(0.3, Math.min(options.quietWait * 1000, quietBudgetMs));
    quietBudgetMs -= quiet.waitedMs;
    results.quietWaits.push({ run: name, waitedMs: quiet.waitedMs, otherCores: quiet.otherCores });
    if (quiet.otherCores >= 0.3)
      log(`the machine is busy: other processes use ${quiet.otherCores.toFixed(1)} cores`);
  }
  const env: Record<string, string> = { NODE_ENV: "production" };
  const nodeArgs = ["--expose-gc"];
  if (isOurs(server)) {
    if (!location) throw new Error("ours needs a database");
    // The code under test may change while the bench runs (others work in this checkout).
    results.codeVersions.push({ run: name, commit: gitCommit(), fingerprint: await codeFingerprint() });
    Object.assign(env, {
      BEREDNING_PARTS: "collab",
      HOST: "127.0.0.1",
      PORT: "0",
      AUTH_SECRET,
      SEED_DEMO: "0",
      DATA_DIR: location.kind === "pglite" ? location.dataDir : path.join(runFolder, "data", name),
      ...(location.kind === "postgres" ? { DATABASE_URL: location.url } : {}),
      ...options.oursEnv,
    });
    if (options.profile) {
      // One folder per server run: every thread (tsx runs a loader thread) writes its own profile.
      const folder = path.join(profileFolder, name);
      mkdirSync(folder, { recursive: true });
      nodeArgs.push("--cpu-prof", "--cpu-prof-dir", folder);
    }
  }
  Object.assign(env, extraEnv);
  const node = spawnNode(SERVER_SCRIPTS[server], {
    env,
    nodeArgs,
    logFile: path.join(logFolder, `${name}.log`),
  });
  const ready = await node.next<Message & { port: number }>("ready", 60_000).catch(async (error: unknown) => {
    throw new Error(`${name} did not start: ${String(error)}\n${await readFile(node.logFile, "utf8")}`);
  });
  const root = `ws://127.0.0.1:${ready.port}`;
  return { server, node, baseUrl: isOurs(server) ? `${root}/collab` : root, location };
}

async function stopServer(running: RunningServer): Promise<number> {
  const ms = await running.node.stop(30_000);
  const exit = await running.node.exited;
  if (exit.signal === "SIGKILL") results.notes.push(`${running.server} had to be killed at shutdown`);
  return ms;
}

async function serverStats(running: RunningServer): Promise<{ rooms: number; connections: number }> {
  return running.node.request<Message & { rooms: number; connections: number }>(
    { type: "stats" },
    "stats",
    10_000,
  );
}

/** Forces a full GC in the server; returns its V8 heap in use plus external memory (ArrayBuffers) after it. */
async function collectGarbage(running: RunningServer): Promise<number> {
  const done = await running.node.request<Message & { heapUsed: number; external: number }>(
    { type: "gc" },
    "gc-done",
    30_000,
  );
  return done.heapUsed + done.external;
}

function spawnLoad(script: string, name: string): NodeChild {
  return spawnNode(script, { logFile: path.join(logFolder, `${name}.log`) });
}

async function closeLoad(load: NodeChild): Promise<void> {
  if (load.child.connected) {
    await load.request({ type: "close" }, "closed", 30_000).catch(() => undefined);
  }
  await Promise.race([load.exited, sleep(5_000)]);
  if (load.child.exitCode === null) load.child.kill("SIGKILL");
}

function writeDocumentFile(name: string, bytes: Uint8Array): string {
  const file = path.join(runFolder, `${name}.ydoc`);
  writeFileSync(file, bytes);
  return file;
}

/** What a server's rooms are called, its clients' cookies, and what it starts from. */
function roomsFor(server: ServerName, scenario: ScenarioName) {
  if (isOurs(server)) {
    const source = sourceOf(server);
    const { manifest } = source;
    return {
      dayRooms: manifest.dayStatements,
      saturationRoom: manifest.saturationStatement,
      traceRoom: manifest.traceStatement,
      manyRooms: manifest.manyStatements,
      cookie: (index: number) => source.cookies[index % source.cookies.length] ?? null,
      userName: (index: number) => manifest.writers[index % manifest.writers.length]?.name ?? "Bench",
      seedFile: null,
      templateFile: null,
      manifest,
    };
  }
  const manifest = (sources.get("pglite") ?? sources.get("postgres"))?.manifest ?? fallbackManifest;
  const names = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, index) => `${scenario}-${prefix}-${index}`);
  return {
    dayRooms: names(options.dayRooms, "room"),
    saturationRoom: `${scenario}-saturation`,
    traceRoom: `${scenario}-trace`,
    manyRooms: names(options.many, "statement"),
    cookie: () => null,
    userName: (index: number) => `Bench ${index + 1}`,
    seedFile: seedDocumentFile,
    templateFile: templateDocumentFile,
    manifest,
  };
}

let fallbackManifest: BenchManifest;
let seedDocumentFile = "";
let templateDocumentFile = "";

// ---------------------------------------------------------------------------------------------
// Typing scenarios: Beredning day and saturation

/** The kind of client a server is driven by (the floor's own sockets aside). */
const clientKindOf = (server: ServerName): YjsServerKind =>
  server === "floor" ? "stock" : isOurs(server) ? "ours" : (server as YjsServerKind);

/** The server a kind of client is warmed up against: never the one under test. */
const warmUpServerFor = (kind: YjsServerKind): ServerName => (kind === "hocuspocus" ? "hocuspocus" : "stock");

/**
 * Has the load generators type for `--day-warm-up` seconds in rooms of servers of their clients'
 * kinds that are not under test (stock's for y-websocket clients, Hocuspocus' for its provider),
 * started for this and stopped before the measurement. The load generators' code is then as warm
 * as in a long day, the servers under test still as cold as after a deploy. Returns the warm-up of
 * each server's load generators, by the server's index.
 */
async function warmUpLoads(
  loads: LoadProcess[],
  kinds: YjsServerKind[],
  baseSpec: Omit<TypingSpec, "targets">,
): Promise<Map<number, LoadWarmUp>> {
  const warmUpServers = [...new Set(kinds.map(warmUpServerFor))];
  const running: RunningServer[] = [];
  const started = performance.now();
  try {
    for (const server of warmUpServers) running.push(await startServer(server, "day-warm-up", null));
    const warmed = await Promise.all(
      loads.map((load) => {
        // Each process types in copies of its own rooms, in the warm-up server of its clients' kind.
        const own = warmUpServerFor(kinds[load.target] ?? "stock");
        const targets: TypingTarget[] = warmUpServers.map((server, serverIndex) => ({
          kind: clientKindOf(server),
          baseUrl: running[serverIndex]?.baseUrl ?? "",
          initialDocumentFile: seedDocumentFile,
          rooms:
            server === own
              ? load.rooms.map((room) => ({
                  name: `warm-up-${load.target}-${room.name}`,
                  clients: room.clients.map((client) => ({ ...client, cookie: null })),
                }))
              : [],
        }));
        return load.child.request<Message & { keystrokes: number[] }>(
          { type: "warm-up", spec: { ...baseSpec, targets }, durationMs: options.dayWarmUp * 1000 },
          "warmed-up",
          options.dayWarmUp * 1000 + 240_000,
        );
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const warmUps = new Map(
      kinds.map((kind, target): [number, LoadWarmUp] => [
        target,
        { against: warmUpServerFor(kind), keystrokes: 0, seconds },
      ]),
    );
    for (const [index, load] of loads.entries()) {
      const warmUp = warmUps.get(load.target);
      for (const count of warmed[index]?.keystrokes ?? []) if (warmUp) warmUp.keystrokes += count;
    }
    return warmUps;
  } finally {
    for (const server of running) await stopServer(server);
  }
}

/** Time for the "go" message to reach every load generator before typing starts. */
const GO_DELAY_MS = 100;

/** A load-generator process: it holds the clients of one server under test (`target`), `rooms` of them. */
interface LoadProcess {
  child: NodeChild;
  target: number;
  rooms: TypingRoomSpec[];
}

/** One server's rooms, split over the load-generator processes, and how its clients are set up. */
interface TypingLayout {
  roomNames: string[];
  clientsPerRoom: number;
  typistsPerRoom: number;
  perProcess: TypingRoomSpec[][];
  seedFile: string | null;
}

function typingLayout(scenario: "day" | "saturation", server: ServerName, procs: number): TypingLayout {
  const isDay = scenario === "day";
  const rooms = roomsFor(server, scenario);
  const clientsPerRoom = isDay ? options.dayClients : options.satClients;
  const typistsPerRoom = isDay ? Math.min(options.dayTypists, clientsPerRoom) : clientsPerRoom;
  const roomNames = isDay ? rooms.dayRooms.slice(0, options.dayRooms) : [rooms.saturationRoom];
  // Whole rooms per process (day); the one room's clients in contiguous blocks (saturation).
  const perProcess: TypingRoomSpec[][] = Array.from({ length: procs }, () => []);
  for (const [roomIndex, name] of roomNames.entries()) {
    const clients = Array.from({ length: clientsPerRoom }, (_, index) => ({
      cookie: rooms.cookie(index),
      userName: rooms.userName(index),
      typist: index < typistsPerRoom,
      typistSlot: index,
      seeds: index === 0,
    }));
    if (isDay) {
      perProcess[roomIndex % procs]?.push({ name, clients });
    } else {
      for (let proc = 0; proc < procs; proc++) {
        const from = Math.floor((proc * clients.length) / procs);
        const to = Math.floor(((proc + 1) * clients.length) / procs);
        perProcess[proc]?.push({ name, clients: clients.slice(from, to) });
      }
    }
  }
  return { roomNames, clientsPerRoom, typistsPerRoom, perProcess, seedFile: rooms.seedFile };
}

/**
 * Runs a typing scenario against `servers`, each started fresh, with the same load generators. The
 * day's servers are typed at in turns (`--day-turn`): each for the day's seconds in all, so that the
 * machine's slow spells, which last many seconds on this shared machine, fall on all of them alike.
 */
async function runTyping(scenario: "day" | "saturation", servers: ServerName[]): Promise<void> {
  const isDay = scenario === "day";
  const procs = isDay
    ? Math.max(1, Math.min(options.loadProcs, options.dayRooms))
    : Math.max(1, options.satProcs);
  const started: RunningServer[] = [];
  const loads: LoadProcess[] = [];
  try {
    for (const server of servers) {
      const location = isOurs(server) ? await freshLocation(server, `${scenario}-${server}`) : null;
      started.push(await startServer(server, scenario, location));
    }
    const layouts = servers.map((server) => typingLayout(scenario, server, procs));
    const kinds = servers.map(clientKindOf);
    const baseSpec: Omit<TypingSpec, "targets"> = {
      mode: isDay ? "rate" : "saturate",
      cps: options.dayCps,
      window: options.satWindow,
      awareness: isDay && options.dayAwareness,
      connectTimeoutMs: 120_000,
      convergeTimeoutMs: quick ? 20_000 : 60_000,
    };
    const isFloor = servers.includes("floor");
    if (isFloor && servers.length > 1) throw new Error("The floor is measured alone");
    const script = isFloor ? "bench/load/floor.ts" : "bench/load/typing.ts";
    const runName = servers.length === 1 ? `${scenario}-${servers[0]}` : `${scenario}-in-turns`;
    // Each server's clients live in load generators of their own: one process holding every
    // server's clients had a heap several times larger, and its garbage collection (marking steps of
    // up to 20 ms) showed in every server's tail latency.
    for (const [target, layout] of layouts.entries()) {
      for (const [proc, rooms] of layout.perProcess.entries()) {
        const name =
          servers.length === 1 ? `${runName}-load${proc}` : `${runName}-${servers[target]}-load${proc}`;
        loads.push({ child: spawnLoad(script, name), target, rooms });
      }
    }
    await Promise.all(loads.map((load) => load.child.next("spawned", 30_000)));
    const warmUps =
      isDay && !isFloor && options.dayWarmUp > 0
        ? await warmUpLoads(loads, kinds, baseSpec)
        : new Map<number, LoadWarmUp>();
    for (const [target, warmUp] of warmUps) {
      log(
        `${scenario} ${servers[target]}: load generators warmed up against ${SERVER_LABELS[warmUp.against]}, ` +
          `${warmUp.keystrokes} keystrokes in ${warmUp.seconds.toFixed(1)} s`,
      );
    }
    // Every process gets every server as a target, in the same order, with its own rooms in its
    // own server only: the turns are taken by index. A server's first process seeds rooms for
    // servers that start empty, so it is ready first.
    for (const load of loads) {
      const targets: TypingTarget[] = started.map((running, target) => ({
        kind: kinds[target] ?? "stock",
        baseUrl: running.baseUrl,
        initialDocumentFile: layouts[target]?.seedFile ?? null,
        rooms: target === load.target ? load.rooms : [],
      }));
      await load.child.request({ type: "start", spec: { ...baseSpec, targets } }, "ready", 180_000);
    }
    const seconds = isDay ? (isFloor ? options.floorSeconds : options.daySeconds) : options.satSeconds;
    const durationMs = seconds * 1000;
    const turnMs = isDay ? options.dayTurn * 1000 : 0;
    const firstRoundPauseMs = isDay ? options.dayFirstPause * 1000 : 0;
    // Typing starts once each server has admitted every client into its room, not merely once every
    // client has synced: ours answers a new client before the room is built.
    const settleMs: number[] = [];
    for (const running of started) settleMs.push(await serverSettled(running));
    const cpuBefore = started.map((running) => cpuSeconds(running.node.pid));
    const meter = backgroundMeter(() => [
      ...started.flatMap((running) => [running.node.pid, ...databasePids(running.server)]),
      ...loads.map((load) => load.child.pid),
    ]);
    const databases = servers.map(databaseCpuMeter);
    for (const running of started) {
      await running.node.request({ type: "loop-delay-start" }, "loop-delay-started", 10_000);
    }
    // One schedule for every process, which all hold every server as a target, in the same order.
    const turns = typingSchedule(servers.length, durationMs, turnMs, firstRoundPauseMs);
    // Typing starts at one moment on the wall clock every process shares.
    const startAt = Date.now() + GO_DELAY_MS;
    const typed = await Promise.all(
      loads.map(({ child }) =>
        child.request<Message & { senders: SenderReport[]; typedAfterMs: number }>(
          { type: "go", durationMs, turns, startAt },
          "typed",
          scheduleEndMs(turns) + 60_000,
        ),
      ),
    );
    const senders = typed.flatMap((message) => message.senders);
    const done = await Promise.all(
      loads.map(({ child }) =>
        child.request<Message & { results: TypingResult[] }>({ type: "expect", senders }, "done", 180_000),
      ),
    );
    const cpu = started.map((running, index) => cpuSeconds(running.node.pid) - (cpuBefore[index] ?? 0));
    const loopDelays: EventLoopDelay[] = [];
    for (const running of started) {
      loopDelays.push(
        await running.node.request<Message & EventLoopDelay>(
          { type: "loop-delay-stop" },
          "loop-delay",
          10_000,
        ),
      );
    }
    const background = meter.stop();
    const databaseCpu = databases.map((database) => database.stop());
    const peakRss = started.map((running) => memory(running.node.pid).peakRss);
    const verified = await Promise.all(
      loads.map(({ child }) =>
        child.request<Message & { targets: { name: string; digest: { hash: string } }[][] }>(
          { type: "verify" },
          "verified",
          120_000,
        ),
      ),
    );
    await Promise.all(loads.map((load) => closeLoad(load.child)));
    for (const running of started) await stopServer(running);

    const typedAfterMs = Math.max(...typed.map((message) => message.typedAfterMs));
    for (const [index, server] of servers.entries()) {
      const layout = layouts[index];
      const running = started[index];
      if (!layout || !running) continue;
      // From the processes holding this server's clients: the others report an empty result for it.
      const outcomes = done.flatMap((message, load) =>
        loads[load]?.target === index ? (message.results[index] ?? []) : [],
      );
      const figures = typingFigures({
        server,
        layout,
        outcomes,
        senders: senders.filter((sender) => sender.target === index),
        // This server's own typing time, and its wait for the last keystrokes after all typing ended.
        ownSeconds:
          (durationMs + Math.max(...outcomes.map((outcome) => outcome.convergedAfterMs)) - typedAfterMs) /
          1000,
        cpuSeconds: cpu[index] ?? Number.NaN,
        settleMs: settleMs[index] ?? 0,
        loopDelay: loopDelays[index] ?? { p50: Number.NaN, p99: Number.NaN, max: Number.NaN },
        peakRssBytes: peakRss[index] ?? 0,
        loadWarmUp: warmUps.get(index) ?? null,
        background,
        databaseCpuSeconds: databaseCpu[index] ?? null,
      });
      (isDay ? results.day : results.saturation).push(figures);
      log(
        `${scenario} ${server}: ${figures.keystrokes} keystrokes, p50 ${figures.latency.p50.toFixed(1)} ms, ` +
          `p99 ${figures.latency.p99.toFixed(1)} ms, ${figures.updatesPerSecond.toFixed(0)} updates/s, ` +
          `server CPU ${figures.cpuSeconds.toFixed(1)} s, missing ${figures.missingUpdates}, other load ${background.otherCores.toFixed(2)} cores`,
      );
      await checkTypingIntegrity(
        scenario,
        running,
        figures,
        outcomes,
        verified.flatMap((message) => message.targets[index] ?? []),
      );
    }
  } finally {
    for (const { child } of loads) if (child.child.exitCode === null) child.child.kill("SIGKILL");
    for (const running of started) if (running.node.child.exitCode === null) await stopServer(running);
  }
}

/** One server's figures of a typing scenario, from what its load generators measured. */
function typingFigures(measured: {
  server: ServerName;
  layout: TypingLayout;
  outcomes: TypingResult[];
  senders: SenderReport[];
  ownSeconds: number;
  cpuSeconds: number;
  settleMs: number;
  loopDelay: EventLoopDelay;
  peakRssBytes: number;
  loadWarmUp: LoadWarmUp | null;
  background: TypingFigures["background"];
  databaseCpuSeconds: number | null;
}): TypingFigures {
  const { server, layout, outcomes, ownSeconds, cpuSeconds: cpu } = measured;
  const keystrokes = measured.senders.reduce((sum, sender) => sum + sender.sent, 0);
  const deliveries = keystrokes * (layout.clientsPerRoom - 1);
  const bySecond = joinSeconds(outcomes.map((outcome) => outcome.latenciesBySecond));
  return {
    server,
    rooms: layout.roomNames.length,
    clients: layout.roomNames.length * layout.clientsPerRoom,
    typists: layout.roomNames.length * layout.typistsPerRoom,
    keystrokes,
    latency: distribution(bySecond.flat()),
    steadyLatency: distribution(bySecond.slice(START_UP_SECONDS).flat()),
    startUpLatency: distribution(bySecond.slice(0, START_UP_SECONDS).flat()),
    p99BySecond: bySecond.map((latencies) => (latencies.length > 0 ? distribution(latencies).p99 : null)),
    updatesPerSecond: keystrokes / ownSeconds,
    deliveriesPerSecond: deliveries / ownSeconds,
    convergedAfterSeconds: ownSeconds,
    converged: outcomes.every((outcome) => outcome.converged),
    missingUpdates: outcomes.reduce((sum, outcome) => sum + outcome.missingUpdates, 0),
    unexpectedCloses: outcomes.reduce((sum, outcome) => sum + outcome.unexpectedCloses, 0),
    connect: distribution(outcomes.flatMap((outcome) => outcome.connectMs)),
    settleMs: measured.settleMs,
    loopDelay: measured.loopDelay,
    cpuSeconds: cpu,
    wallSeconds: ownSeconds,
    peakRssBytes: measured.peakRssBytes,
    loadCpuSeconds: outcomes.reduce((sum, outcome) => sum + outcome.loadCpuSeconds, 0),
    cpuMicrosPerDelivery: deliveries > 0 ? (cpu * 1e6) / deliveries : Number.NaN,
    loadWarmUp: measured.loadWarmUp,
    background: measured.background,
    databaseCpuSeconds: measured.databaseCpuSeconds,
  };
}

/** Integrity: nothing lost, every client agrees, the server (and for ours the database) agrees. */
async function checkTypingIntegrity(
  scenario: "day" | "saturation",
  running: RunningServer,
  figures: TypingFigures,
  outcomes: TypingResult[],
  verifiedRooms: { name: string; digest: { hash: string } }[],
): Promise<void> {
  const { server } = running;
  const problems: string[] = [];
  if (!figures.converged || figures.missingUpdates > 0) {
    problems.push(`${figures.missingUpdates} keystroke deliveries missing`);
  }
  if (figures.unexpectedCloses > 0) problems.push(`${figures.unexpectedCloses} connections dropped`);
  if (server === "floor") {
    check(
      scenario,
      server,
      problems.length === 0,
      problems.length === 0 ? "every frame relayed" : problems.join("; "),
    );
    return;
  }
  const clientDigests = new Map<string, string | null>();
  for (const outcome of outcomes) {
    for (const room of outcome.rooms) {
      const hash = room.clientsAgree ? (room.digest?.hash ?? null) : null;
      const earlier = clientDigests.get(room.name);
      clientDigests.set(room.name, earlier === undefined || earlier === hash ? hash : null);
    }
  }
  const disagreeing = [...clientDigests.values()].filter((hash) => hash === null).length;
  if (disagreeing > 0) problems.push(`clients disagree in ${disagreeing} rooms`);
  const serverDiffers = verifiedRooms.filter(
    (room) => clientDigests.get(room.name) !== room.digest.hash,
  ).length;
  if (serverDiffers > 0)
    problems.push(`a fresh client differs from the clients in ${serverDiffers} room checks`);
  if (running.location) {
    const connection = await openStored(running.location);
    let databaseDiffers = 0;
    try {
      for (const [name, hash] of clientDigests) {
        if ((await storedDigest(connection.db, name)).hash !== hash) databaseDiffers++;
      }
    } finally {
      await connection.close();
    }
    if (databaseDiffers > 0)
      problems.push(`the database differs from the clients in ${databaseDiffers} rooms`);
  }
  const checked = isOurs(server)
    ? "clients = fresh client = database"
    : "clients = fresh client (server memory)";
  check(
    scenario,
    server,
    problems.length === 0,
    problems.length === 0
      ? `${clientDigests.size} room${clientDigests.size === 1 ? "" : "s"}: ${checked}, no keystroke missing`
      : problems.join("; "),
  );
}

// ---------------------------------------------------------------------------------------------
// Cold open of the long trace

/** The one document state a server persisting to files (Hocuspocus here) left in `folder`. */
async function storedStateFile(folder: string): Promise<Uint8Array> {
  const files = (await readdir(folder)).filter((file) => file.endsWith(".ystate"));
  if (files.length !== 1) throw new Error(`Expected one stored state in ${folder}, found ${files.length}`);
  return new Uint8Array(await readFile(path.join(folder, files[0] as string)));
}

/**
 * Untimed opens before the timed ones. Applying the trace's state is most of an open, and the
 * opener's JIT keeps speeding it up over its first few opens (one run, Hocuspocus: 83, 43, 26 ms
 * after an untimed first): every server's opens are timed with an equally warm client.
 */
const OPENER_WARM_UP_OPENS = 3;

async function runCold(server: ServerName): Promise<void> {
  if (server === "floor") return;
  const rooms = roomsFor(server, "cold");
  const kind = isOurs(server) ? "ours" : server;
  const location = isOurs(server) ? await freshLocation(server, `cold-${server}`) : null;
  const sectionKey = "sammanfattning";
  const repeats = Math.max(1, options.coldRepeats);
  const writer = spawnLoad("bench/load/trace.ts", `cold-${server}-writer`);
  const opener = spawnLoad("bench/load/trace.ts", `cold-${server}-opener`);
  // Hocuspocus persists here, with its own extension, so that it too can be restarted and open cold.
  const stateFolder = server === "hocuspocus" ? path.join(runFolder, "data", `cold-${server}`) : null;
  const serverEnv: Record<string, string> = stateFolder ? { HOCUSPOCUS_DATA_DIR: stateFolder } : {};
  let running = await startServer(server, "cold", location, serverEnv);
  const target = (baseUrl: string): TraceTarget => ({
    kind,
    baseUrl,
    room: rooms.traceRoom,
    cookie: rooms.cookie(1),
    sectionKey,
  });
  const problems: string[] = [];
  try {
    await Promise.all([writer.next("spawned", 30_000), opener.next("spawned", 30_000)]);
    const spec: ReplaySpec = {
      ...target(running.baseUrl),
      cookie: rooms.cookie(0),
      traceFile: TRACE_FILE,
      limit: options.traceEdits,
      initialDocumentFile: rooms.templateFile,
      chunk: options.traceChunk,
      flowEvery: options.traceFlow,
      timeoutMs: 900_000,
    };
    const cpuBefore = cpuSeconds(running.node.pid);
    const meter = backgroundMeter(() => [running.node.pid, writer.pid, opener.pid, ...databasePids(server)]);
    const database = databaseCpuMeter(server);
    const { result: replay } = await writer.request<Message & { result: ReplayResult }>(
      { type: "replay", spec },
      "replayed",
      1_200_000,
    );
    const replayCpuSeconds = cpuSeconds(running.node.pid) - cpuBefore;
    const replayPeakRssBytes = memory(running.node.pid).peakRss;
    const background = meter.stop();
    const replayDatabaseCpuSeconds = database.stop();
    log(
      `cold ${server}: replayed ${replay.edits} edits in ${(replay.replayMs / 1000).toFixed(1)} s ` +
        `(server CPU ${replayCpuSeconds.toFixed(1)} s)`,
    );
    if (!replay.textOk) problems.push("the writer's text is not the trace's final text");
    if (replay.unexpectedCloses > 0)
      problems.push(`the writer was disconnected ${replay.unexpectedCloses} times`);
    await opener.request(
      { type: "setExpected", traceFile: TRACE_FILE, limit: options.traceEdits },
      "expected-set",
      120_000,
    );
    const open = async (keep: boolean): Promise<OpenResult> => {
      const { result } = await opener.request<Message & { result: OpenResult }>(
        { type: "open", target: target(running.baseUrl), expectedTextLength: 0, keep, timeoutMs: 120_000 },
        "opened",
        180_000,
      );
      if (!result.textOk) problems.push("an opened client does not hold the trace's final text");
      if (result.digest.hash !== replay.digest.hash)
        problems.push("an opened client differs from the writer");
      return result;
    };
    // Warm: the writer is still connected, so the document is in memory. Timed once the server has
    // finished with the replay (ours persists and compacts it), so an open is timed, not that work.
    const settleMs = await serverSettled(running);
    const warmOpenMs: number[] = [];
    const warmOpenServerMs: number[] = [];
    const coldOpenServerMs: number[] = [];
    for (let index = 0; index < Math.max(1, options.warmOpens) + OPENER_WARM_UP_OPENS; index++) {
      const result = await open(false);
      if (index < OPENER_WARM_UP_OPENS) continue;
      warmOpenMs.push(result.connectToSyncedMs);
      warmOpenServerMs.push(result.connectToLastMessageMs);
    }
    const figures: ColdFigures = {
      server,
      edits: replay.edits,
      replaySeconds: replay.replayMs / 1000,
      ingestPerSecond: replay.edits / (replay.replayMs / 1000),
      replayCpuSeconds,
      replayPeakRssBytes,
      background,
      replayDatabaseCpuSeconds,
      serverReadMs: [],
      serverApplyMs: [],
      storedBytes: null,
      storedRows: null,
      stateBytes: replay.stateBytes,
      shutdownMs: null,
      coldOpenMs: [],
      warmOpenMs,
      coldOpenServerMs,
      warmOpenServerMs,
      settleMs,
      serverLoadMs: [],
      serverEncodeMs: [],
      openPeakRssBytes: memory(running.node.pid).peakRss,
    };
    await writer.request({ type: "closeWriter" }, "writer-closed", 30_000);
    /** Cold: a freshly started server, the statement not loaded; the first client loads it. */
    const timeColdOpens = async (stored: StoredLocation | null) => {
      for (let index = 0; index < repeats; index++) {
        running = await startServer(server, "cold", stored, serverEnv);
        const result = await open(false);
        figures.coldOpenMs.push(result.connectToSyncedMs);
        coldOpenServerMs.push(result.connectToLastMessageMs);
        figures.openPeakRssBytes = Math.max(figures.openPeakRssBytes, memory(running.node.pid).peakRss);
        await stopServer(running);
      }
    };
    if (running.location) {
      figures.shutdownMs = await stopServer(running);
      const connection = await openStored(running.location);
      try {
        const size = await storedSize(connection.db, rooms.traceRoom);
        figures.storedBytes = size.snapshotBytes + size.updateBytes;
        figures.storedRows = size.updateRows;
        if ((await storedDigest(connection.db, rooms.traceRoom)).hash !== replay.digest.hash) {
          problems.push("the database differs from the writer");
        }
      } finally {
        await connection.close();
      }
      await timeColdOpens(running.location);
      // The load alone, inside a freshly started server: database read and Y.Doc rebuild.
      for (let index = 0; index < repeats; index++) {
        running = await startServer(server, "cold", running.location);
        const loaded = await running.node.request<Message & { loadMs: number; encodeMs: number }>(
          { type: "load", statementId: rooms.traceRoom },
          "loaded",
          120_000,
        );
        figures.serverLoadMs.push(loaded.loadMs);
        figures.serverEncodeMs.push(loaded.encodeMs);
        await stopServer(running);
      }
      // Where the load's time goes, again each in a freshly started server: database read, rebuild.
      for (let index = 0; index < repeats; index++) {
        running = await startServer(server, "cold", running.location);
        const split = await running.node.request<Message & { readMs: number; applyMs: number }>(
          { type: "loadSplit", statementId: rooms.traceRoom },
          "load-split",
          120_000,
        );
        figures.serverReadMs.push(split.readMs);
        figures.serverApplyMs.push(split.applyMs);
        await stopServer(running);
      }
    } else if (stateFolder) {
      figures.shutdownMs = await stopServer(running);
      const stored = await storedStateFile(stateFolder);
      figures.storedBytes = stored.byteLength;
      if (digestUpdate(stored).hash !== replay.digest.hash)
        problems.push("the stored state differs from the writer");
      await timeColdOpens(null);
    } else {
      await stopServer(running);
    }
    results.cold.push(figures);
    log(
      `cold ${server}: warm open ${warmOpenMs.map((ms) => ms.toFixed(0)).join("/")} ms` +
        (figures.coldOpenMs.length > 0
          ? `, cold open ${figures.coldOpenMs.map((ms) => ms.toFixed(0)).join("/")} ms, load ${figures.serverLoadMs
              .map((ms) => ms.toFixed(0))
              .join("/")} ms, stored ${figures.storedBytes} bytes`
          : ""),
    );
    check(
      "cold",
      server,
      problems.length === 0,
      problems.length === 0
        ? `${replay.edits} edits; writer = every opened client${isOurs(server) ? " = database" : ""} = trace text`
        : [...new Set(problems)].join("; "),
    );
  } finally {
    await Promise.all([closeLoad(writer), closeLoad(opener)]);
    if (running.node.child.exitCode === null) await stopServer(running);
  }
}

// ---------------------------------------------------------------------------------------------
// Many statements

async function runMany(server: ServerName): Promise<void> {
  if (server === "floor") return;
  const rooms = roomsFor(server, "many");
  const kind = isOurs(server) ? "ours" : server;
  const location = isOurs(server) ? await freshLocation(server, `many-${server}`) : null;
  const graceMs = 200;
  const running = await startServer(server, "many", location, { COLLAB_UNLOAD_GRACE_MS: String(graceMs) });
  const names = rooms.manyRooms.slice(0, options.many);
  const procs = Math.max(1, Math.min(options.loadProcs, names.length));
  const loads = Array.from({ length: procs }, (_, index) =>
    spawnLoad("bench/load/many.ts", `many-${server}-load${index}`),
  );
  const problems: string[] = [];
  try {
    await Promise.all(loads.map((load) => load.next("spawned", 30_000)));
    await sleep(1000);
    const start = memory(running.node.pid);
    const heapStart = await collectGarbage(running);
    const startAfterGc = memory(running.node.pid);
    const expectedFile =
      rooms.templateFile ?? writeDocumentFile("template-expected", rooms.manifest.templateDocument);
    const started = performance.now();
    const cpuBefore = cpuSeconds(running.node.pid);
    const meter = backgroundMeter(() => [
      running.node.pid,
      ...loads.map((load) => load.pid),
      ...databasePids(server),
    ]);
    const database = databaseCpuMeter(server);
    const ready = await Promise.all(
      loads.map((load, index) => {
        const spec: ManySpec = {
          kind,
          baseUrl: running.baseUrl,
          rooms: names
            .filter((_, roomIndex) => roomIndex % procs === index)
            .map((name, roomIndex) => ({ name, cookie: rooms.cookie(roomIndex) })),
          initialDocumentFile: rooms.templateFile,
          expectedDocumentFile: expectedFile,
          concurrency: 16,
          timeoutMs: 120_000,
        };
        return load.request<Message & { result: ManyResult }>({ type: "start", spec }, "ready", 600_000);
      }),
    );
    const openSeconds = (performance.now() - started) / 1000;
    const openCpuSeconds = cpuSeconds(running.node.pid) - cpuBefore;
    const background = meter.stop();
    const databaseCpuSeconds = database.stop();
    const loaded = memory(running.node.pid);
    const heapLoaded = await collectGarbage(running);
    const statsLoaded = await serverStats(running);
    if (statsLoaded.rooms !== names.length) {
      results.notes.push(`many ${server}: ${statsLoaded.rooms} rooms loaded for ${names.length} statements`);
    }
    await Promise.all(loads.map((load) => load.request({ type: "leave" }, "left", 60_000)));
    const left = performance.now();
    let secondsUntilUnloaded: number | null = null;
    const unloadDeadline = left + (isOurs(server) ? 60_000 : 5_000);
    let stats = await serverStats(running);
    while (performance.now() < unloadDeadline) {
      stats = await serverStats(running);
      if (stats.rooms === 0) {
        secondsUntilUnloaded = (performance.now() - left) / 1000;
        break;
      }
      await sleep(100);
    }
    await sleep(3000);
    const after = memory(running.node.pid);
    const heapAfter = await collectGarbage(running);
    const afterGc = memory(running.node.pid);
    const outcomes = ready.map((message) => message.result);
    const figures: ManyFigures = {
      server,
      statements: names.length,
      openSeconds,
      openCpuSeconds,
      open: distribution(outcomes.flatMap((outcome) => outcome.openMs)),
      rssStartBytes: start.rss,
      rssLoadedBytes: loaded.rss,
      bytesPerStatement: (loaded.rss - start.rss) / names.length,
      rssAfterLeaveBytes: after.rss,
      rssAfterGcBytes: afterGc.rss,
      rssStartAfterGcBytes: startAfterGc.rss,
      heapBytesPerStatement: (heapLoaded - heapStart) / names.length,
      heapStartBytes: heapStart,
      heapAfterLeaveBytes: heapAfter,
      roomsAfterLeave: stats.rooms,
      secondsUntilUnloaded,
      peakRssBytes: afterGc.peakRss,
      mismatches: outcomes.reduce((sum, outcome) => sum + outcome.mismatches, 0),
      unexpectedCloses: outcomes.reduce((sum, outcome) => sum + outcome.unexpectedCloses, 0),
      background,
      databaseCpuSeconds,
    };
    results.many.push(figures);
    await Promise.all(loads.map(closeLoad));
    await stopServer(running);
    log(
      `many ${server}: ${names.length} statements opened in ${openSeconds.toFixed(1)} s, ` +
        `${(figures.bytesPerStatement / 1024).toFixed(1)} KiB each, RSS ${(start.rss / 2 ** 20).toFixed(0)} → ` +
        `${(loaded.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MiB (rooms left ${stats.rooms})`,
    );
    if (figures.mismatches > 0) problems.push(`${figures.mismatches} clients hold a different document`);
    if (figures.unexpectedCloses > 0) problems.push(`${figures.unexpectedCloses} connections dropped`);
    if (running.location) {
      // Every statement is compared when there are few; otherwise an even sample of 200.
      const step = Math.max(1, Math.floor(names.length / 200));
      const expected = digestUpdate(rooms.manifest.templateDocument).hash;
      const connection = await openStored(running.location);
      let differs = 0;
      let compared = 0;
      try {
        for (let index = 0; index < names.length; index += step) {
          const name = names[index];
          if (!name) continue;
          compared++;
          if ((await storedDigest(connection.db, name)).hash !== expected) differs++;
        }
      } finally {
        await connection.close();
      }
      if (differs > 0) problems.push(`${differs} of ${compared} stored statements differ from the clients`);
      check(
        "many",
        server,
        problems.length === 0,
        problems.length === 0
          ? `${names.length} clients = statement; ${compared} stored statements compared = clients`
          : problems.join("; "),
      );
    } else {
      check(
        "many",
        server,
        problems.length === 0,
        problems.length === 0 ? `${names.length} clients = statement (server memory)` : problems.join("; "),
      );
    }
  } finally {
    for (const load of loads) if (load.child.exitCode === null) load.child.kill("SIGKILL");
    if (running.node.child.exitCode === null) await stopServer(running);
  }
}

// ---------------------------------------------------------------------------------------------
// Machine and versions

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPOSITORY }).toString().trim();
  } catch {
    return "?";
  }
}

function packageVersion(name: string): string {
  try {
    const file = path.join(REPOSITORY, "node_modules", name, "package.json");
    return (JSON.parse(execFileSync("cat", [file]).toString()) as { version: string }).version;
  } catch {
    return "?";
  }
}

async function describeMachine(): Promise<void> {
  const cpus = os.cpus();
  results.machine = {
    cpu: `${cpus[0]?.model ?? "?"} × ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    "load average at start": os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" "),
  };
  let commit = "?";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPOSITORY }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "server", "db", "auth", "domain", "editor"], {
      cwd: REPOSITORY,
    })
      .toString()
      .trim();
    if (dirty) commit += " (with uncommitted changes in server/db/auth/domain/editor)";
  } catch {
    // Not a git checkout.
  }
  results.versions = {
    "ours (git)": commit,
    yjs: packageVersion("yjs"),
    "y-protocols": packageVersion("y-protocols"),
    "y-websocket (client)": packageVersion("y-websocket"),
    "y-websocket-stock (server utils)": packageVersion("y-websocket-stock"),
    "@hocuspocus/server": packageVersion("@hocuspocus/server"),
    "@hocuspocus/provider": packageVersion("@hocuspocus/provider"),
    ws: packageVersion("ws"),
    "@electric-sql/pglite": packageVersion("@electric-sql/pglite"),
    "postgres (driver)": packageVersion("postgres"),
    "next-auth": packageVersion("next-auth"),
  };
  const source = sources.get("postgres");
  if (source?.postgres) {
    const { connectDatabase } = await import("../db/client");
    const connection = await connectDatabase({
      kind: "postgres",
      url: source.postgres.adminUrl,
      maxConnections: 1,
    });
    try {
      const rows = await (connection.client as import("postgres").Sql)`show server_version`;
      const fsync = await (connection.client as import("postgres").Sql)`show fsync`;
      results.versions["PostgreSQL server"] =
        `${String(rows[0]?.server_version ?? "?")} (fsync ${String(fsync[0]?.fsync ?? "?")})`;
    } finally {
      await connection.close();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Main

/**
 * The servers measured together: the day's Yjs servers are typed at in turns in one run (the floor,
 * with clients of its own, alone before them); everything else is run one server after the other.
 */
function serverGroups(scenario: ScenarioName): ServerName[][] {
  if (scenario !== "day" || options.dayTurn <= 0) return options.servers.map((server) => [server]);
  const inTurns = options.servers.filter((server) => server !== "floor");
  return [
    ...(options.servers.includes("floor") ? [["floor" as ServerName]] : []),
    ...(inTurns.length > 0 ? [inTurns] : []),
  ];
}

async function main(): Promise<void> {
  await pruneOldRuns(6);
  log(`${quick ? "quick pass" : "full run"}; scratch folder ${path.relative(REPOSITORY, runFolder)}`);
  if (options.scenarios.includes("cold") && !existsSync(TRACE_FILE)) {
    options.scenarios = options.scenarios.filter((scenario) => scenario !== "cold");
    results.skipped.push(
      `Cold open: the editing trace ${path.relative(REPOSITORY, TRACE_FILE)} is absent, so the scenario was skipped`,
    );
  }
  if (options.servers.some(isOurs)) await prepareDatabases();
  const anyManifest = sources.get("pglite")?.manifest ?? sources.get("postgres")?.manifest;
  if (!anyManifest) {
    // Without ours, the in-memory servers still need the statement documents: seed a PGlite once.
    const template = await pgliteTemplate({ dayRooms: 1, manyStatements: 0 }, options.cache);
    fallbackManifest = template.manifest;
  } else {
    fallbackManifest = anyManifest;
  }
  seedDocumentFile = writeDocumentFile("seed-statement", fallbackManifest.seedDocument);
  templateDocumentFile = writeDocumentFile("template-statement", fallbackManifest.templateDocument);
  await describeMachine();

  for (const scenario of options.scenarios) {
    // The export scenario renders documents in this process: it has no server under test.
    if (scenario === "export") {
      await runExportScenario(results, Boolean(flags.quick));
      continue;
    }
    for (const servers of serverGroups(scenario)) {
      log(`${scenario}: ${servers.map((server) => SERVER_LABELS[server]).join(", ")}`);
      try {
        if (scenario === "day" || scenario === "saturation") await runTyping(scenario, servers);
        else if (scenario === "cold") for (const server of servers) await runCold(server);
        else for (const server of servers) await runMany(server);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`FAILED ${scenario} ${servers.join(", ")}: ${message}`);
        for (const server of servers)
          check(scenario, server, false, `the run failed: ${message.split("\n")[0]}`);
      }
    }
  }

  if (options.profile && existsSync(profileFolder)) {
    for (const run of (await readdir(profileFolder)).sort()) {
      const [scenario, ...rest] = run.split("-");
      const server = rest.slice(0, -1).join("-") as ServerName;
      // The main thread's profile is the one with the most samples.
      const profiles = await Promise.all(
        (await readdir(path.join(profileFolder, run))).map(async (file) => {
          const full = path.join(profileFolder, run, file);
          return { full, size: (await stat(full)).size };
        }),
      );
      const main = profiles.sort((a, b) => b.size - a.size)[0];
      if (!main) continue;
      const top = await summariseProfile(main.full, 12);
      results.profiles.push({
        server,
        scenario: scenario as ScenarioName,
        file: path.relative(REPOSITORY, main.full),
        top,
      });
    }
  }

  results.machine["load average at end"] = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
  results.finishedAt = new Date().toISOString();
  results.durationSeconds = (performance.now() - startedAt) / 1000;
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(outFile, renderReport(results));
  log(`report: ${path.relative(process.cwd(), outFile)} (${results.durationSeconds.toFixed(0)} s)`);
  const failed = results.integrity.filter((entry) => !entry.ok);
  if (failed.length > 0) {
    log(`${failed.length} integrity check(s) failed`);
    process.exitCode = 1;
  }
}

async function cleanUp(): Promise<void> {
  killChildren();
  const template = sources.get("postgres")?.postgres;
  if (template && postgresServer) {
    for (const url of createdDatabases)
      await dropPostgresDatabase(template.adminUrl, url).catch(() => undefined);
    await dropPostgresDatabase(
      template.adminUrl,
      `${template.adminUrl.replace(/\/[^/]*$/, "")}/${template.templateName}`,
    ).catch(() => undefined);
  }
  postgresServer?.stop();
  await rm(path.join(runFolder, "data"), { recursive: true, force: true });
}

process.on("SIGINT", () => {
  killChildren();
  postgresServer?.stop();
  process.exit(130);
});

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
