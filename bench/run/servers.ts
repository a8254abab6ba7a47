import { mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  codeFingerprint,
  dropPostgresDatabase,
  type PgliteTemplate,
  type PostgresTemplate,
  pgliteCopy,
  pgliteTemplate,
  postgresCopy,
  postgresTemplate,
  type StoredLocation,
} from "../lib/databases";
import type { Message } from "../lib/ipc";
import { cpuBetween, cpuOf, waitForQuiet, waitUntilIdle } from "../lib/machine";
import { findPostgres, type PostgresServer } from "../lib/postgres";
import { killChildren, type NodeChild, spawnNode } from "../lib/processes";
import type { ScenarioName, ServerName } from "../lib/results";
import { type BenchManifest, sessionCookie } from "../lib/seed";
import { AUTH_SECRET, log, logFolder, options, profileFolder, quick, results, runFolder } from "./context";
import { gitCommit } from "./machine-info";

// ---------------------------------------------------------------------------------------------
// Databases for ours

export interface DatabaseSource {
  kind: "pglite" | "postgres";
  manifest: BenchManifest;
  cookies: string[];
  pglite?: PgliteTemplate;
  postgres?: PostgresTemplate;
}

export const sources = new Map<"pglite" | "postgres", DatabaseSource>();
export let postgresServer: PostgresServer | null = null;
export const createdDatabases: string[] = [];

export async function cookiesFor(manifest: BenchManifest): Promise<string[]> {
  return Promise.all(manifest.writers.map((writer) => sessionCookie(writer, AUTH_SECRET)));
}

export async function prepareDatabases(): Promise<void> {
  const sizes = {
    dayRooms: Math.max(options.dayRooms, 1),
    manyStatements: options.scenarios.includes("many") ? options.many : 0,
  };
  // The saturation over nodes (ours on PostgreSQL only) types in as many of the day's statements as it spreads.
  const postgresSizes = {
    ...sizes,
    dayRooms: Math.max(sizes.dayRooms, options.scenarios.includes("nodes") ? options.spreadRooms : 0),
  };
  const wantPglite = options.servers.some((server) => server === "ours-pglite" || server === "ours-baseline");
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
  log(`seeding databases (${postgresSizes.dayRooms + 2 + sizes.manyStatements} statements at most)`);
  const [pglite, postgres] = await Promise.all([
    wantPglite ? pgliteTemplate(sizes, options.cache) : Promise.resolve(null),
    wantPostgres && postgresServer
      ? postgresTemplate(postgresServer.adminUrl, postgresSizes)
      : Promise.resolve(null),
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

export function sourceOf(server: ServerName): DatabaseSource {
  const source = sources.get(server === "ours-postgres" ? "postgres" : "pglite");
  if (!source) throw new Error(`No database prepared for ${server}`);
  return source;
}

// ---------------------------------------------------------------------------------------------
// Servers under test

export interface RunningServer {
  server: ServerName;
  node: NodeChild;
  baseUrl: string;
  location: StoredLocation | null;
}

export const isOurs = (server: ServerName) =>
  server === "ours-pglite" || server === "ours-postgres" || server === "ours-baseline";

export const SERVER_SCRIPTS: Record<ServerName, string> = {
  "ours-pglite": "bench/servers/ours.ts",
  "ours-postgres": "bench/servers/ours.ts",
  "ours-baseline": "bench/servers/ours.ts",
  stock: "bench/servers/stock.ts",
  hocuspocus: "bench/servers/hocuspocus.ts",
  floor: "bench/servers/floor.ts",
};

/** A database of its own for one server run of ours, copied from the seeded template. */
export async function freshLocation(server: ServerName, name: string): Promise<StoredLocation> {
  const source = sourceOf(server);
  if (source.pglite) return { kind: "pglite", dataDir: await pgliteCopy(source.pglite, name, runFolder) };
  if (!source.postgres) throw new Error("No template");
  const url = await postgresCopy(source.postgres, name);
  createdDatabases.push(url);
  return { kind: "postgres", url };
}

/** The PostgreSQL processes serving ours (PostgreSQL), when the bench started the cluster itself. */
export function databasePids(server: ServerName): number[] {
  return server === "ours-postgres" && postgresServer ? postgresServer.pids() : [];
}

/** Measures the database's CPU over a window; null when it is not ours to measure. */
export function databaseCpuMeter(server: ServerName): { stop(): number | null } {
  const pids = databasePids(server);
  const before = cpuOf(pids);
  return {
    stop: () =>
      pids.length === 0 ? null : cpuBetween(before, cpuOf(new Set([...pids, ...databasePids(server)]))),
  };
}

export let serverRuns = 0;
/** A server using less than this (cores, over 250 ms) has finished what it was doing. */
export const SETTLED_MAX_CORES = 0.05;
export const SETTLE_MAX_WAIT_MS = 30_000;

/** Waits (bounded) until the server and its database are idle; returns how long that took. */
export function serverSettled(running: RunningServer): Promise<number> {
  return waitUntilIdle(
    () => [running.node.pid, ...databasePids(running.server)],
    SETTLED_MAX_CORES,
    SETTLE_MAX_WAIT_MS,
  );
}

/** All the waiting for a quiet machine one run may do, in total. */
export let quietBudgetMs = 60_000;

export async function startServer(
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
  // The baseline runs from its own checkout; every other server from this one.
  const root = server === "ours-baseline" ? (options.baseline ?? undefined) : undefined;
  if (isOurs(server)) {
    if (!location) throw new Error("ours needs a database");
    // The code under test may change while the bench runs (others work in this checkout).
    results.codeVersions.push({
      run: name,
      commit: gitCommit(root),
      fingerprint: await codeFingerprint(root),
      baseline: root !== undefined,
    });
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
    root,
  });
  const ready = await node.next<Message & { port: number }>("ready", 60_000).catch(async (error: unknown) => {
    throw new Error(`${name} did not start: ${String(error)}\n${await readFile(node.logFile, "utf8")}`);
  });
  const address = `ws://127.0.0.1:${ready.port}`;
  return { server, node, baseUrl: isOurs(server) ? `${address}/collab` : address, location };
}

export async function stopServer(running: RunningServer): Promise<number> {
  const ms = await running.node.stop(30_000);
  const exit = await running.node.exited;
  if (exit.signal === "SIGKILL") results.notes.push(`${running.server} had to be killed at shutdown`);
  return ms;
}

export async function serverStats(running: RunningServer): Promise<{ rooms: number; connections: number }> {
  return running.node.request<Message & { rooms: number; connections: number }>(
    { type: "stats" },
    "stats",
    10_000,
  );
}

/** Forces a full GC in the server; returns its V8 heap in use plus external memory (ArrayBuffers) after it. */
export async function collectGarbage(running: RunningServer): Promise<number> {
  const done = await running.node.request<Message & { heapUsed: number; external: number }>(
    { type: "gc" },
    "gc-done",
    30_000,
  );
  return done.heapUsed + done.external;
}

export function spawnLoad(script: string, name: string): NodeChild {
  return spawnNode(script, { logFile: path.join(logFolder, `${name}.log`) });
}

export async function closeLoad(load: NodeChild): Promise<void> {
  if (load.child.connected) {
    await load.request({ type: "close" }, "closed", 30_000).catch(() => undefined);
  }
  await Promise.race([load.exited, sleep(5_000)]);
  if (load.child.exitCode === null) load.child.kill("SIGKILL");
}

export function writeDocumentFile(name: string, bytes: Uint8Array): string {
  const file = path.join(runFolder, `${name}.ydoc`);
  writeFileSync(file, bytes);
  return file;
}

/** What a server's rooms are called, its clients' cookies, and what it starts from. */
export function roomsFor(server: ServerName, scenario: ScenarioName) {
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

export let fallbackManifest: BenchManifest;
export let seedDocumentFile = "";
export let templateDocumentFile = "";

/** Prepares the databases of ours, and the statement documents every server under test loads. */
export async function prepareStatements(): Promise<void> {
  if (options.servers.some(isOurs)) await prepareDatabases();
  const anyManifest = sources.get("pglite")?.manifest ?? sources.get("postgres")?.manifest;
  // Without ours, the in-memory servers still need the statement documents: seed a PGlite once.
  fallbackManifest =
    anyManifest ?? (await pgliteTemplate({ dayRooms: 1, manyStatements: 0 }, options.cache)).manifest;
  seedDocumentFile = writeDocumentFile("seed-statement", fallbackManifest.seedDocument);
  templateDocumentFile = writeDocumentFile("template-statement", fallbackManifest.templateDocument);
}

/** Stops every process the run started and drops the databases it created. */
export async function cleanUpServers(): Promise<void> {
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
}

/** On Ctrl-C: stops the processes at once. */
export function abortServers(): void {
  killChildren();
  postgresServer?.stop();
}

// ---------------------------------------------------------------------------------------------
