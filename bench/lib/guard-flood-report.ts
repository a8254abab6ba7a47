/** Runs the causal-gap flood (guard-flood.ts) on each database found and prints its figures against the targets. */
import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import {
  BENCH_TMP,
  dropPostgresDatabase,
  pgliteCopy,
  pgliteTemplate,
  postgresCopy,
  postgresTemplate,
  type StoredLocation,
} from "./databases";
import {
  FLOOD,
  type FloodResult,
  type FloodTarget,
  HEALTH_TARGET_MS,
  RSS_TARGET_BYTES,
  runFlood,
} from "./guard-flood";
import { findPostgres } from "./postgres";
import { type BenchManifest, sessionCookie } from "./seed";
import { distribution } from "./stats";

const SIZES = { dayRooms: 1, manyStatements: 0 };
const AUTH_SECRET = `bench-flood-${randomBytes(8).toString("hex")}-long-enough-for-next-auth`;
const MIB = 1024 * 1024;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(1)} MiB`;
const verdict = (met: boolean) => (met ? "met" : "NOT met");

function print(database: string, result: FloodResult): void {
  const baseline = distribution(result.baselineMs);
  const flood = distribution(result.floodMs);
  const growth = result.rssPeak - result.rssBefore;
  const allOk = result.statuses.every((status) => status === 200);
  const slow = result.floodMs.flatMap((pollMs, index) =>
    pollMs < HEALTH_TARGET_MS
      ? []
      : [`${ms(pollMs)} at +${(result.floodStartsMs[index] ?? 0).toFixed(0)} ms`],
  );
  console.log(
    [
      `causal-gap flood, ours (${database}): ${FLOOD} updates of ~10 KB from one socket, closed with ${result.closeCode}`,
      `  health before the flood: ${baseline.count} polls, p50 ${ms(baseline.p50)}, p99 ${ms(baseline.p99)}, max ${ms(baseline.max)}`,
      `  health during the flood: ${flood.count} polls, ${allOk ? "all 200" : `statuses ${[...new Set(result.statuses)].join(", ")}`}, p50 ${ms(flood.p50)}, p99 ${ms(flood.p99)}, max ${ms(flood.max)}: target every poll < ${HEALTH_TARGET_MS} ms ${verdict(flood.max < HEALTH_TARGET_MS)}`,
      `  socket closed at +${result.closedAfterMs.toFixed(0)} ms; polls over the target: ${slow.length === 0 ? "none" : slow.join(", ")}`,
      `  RSS: ${mib(result.rssBefore)} before (after GC), peak ${mib(result.rssPeak)} during, ${mib(result.rssAfter)} after (after GC); growth ${mib(growth)}: target < ${mib(RSS_TARGET_BYTES)} ${verdict(growth < RSS_TARGET_BYTES)}`,
    ].join("\n"),
  );
}

function targetOf(location: StoredLocation, manifest: BenchManifest, cookie: string): FloodTarget {
  return { location, statementId: manifest.saturationStatement, cookie, authSecret: AUTH_SECRET };
}

async function cookieOf(manifest: BenchManifest): Promise<string> {
  const writer = manifest.writers[0];
  if (!writer) throw new Error("The bench database has no writer");
  return sessionCookie(writer, AUTH_SECRET);
}

async function floodPglite(folder: string): Promise<void> {
  const template = await pgliteTemplate(SIZES, true);
  const dataDir = await pgliteCopy(template, "flood", folder);
  const target = targetOf({ kind: "pglite", dataDir }, template.manifest, await cookieOf(template.manifest));
  print("PGlite", await runFlood(target, path.join(folder, "flood-pglite.log")));
}

async function floodPostgres(folder: string): Promise<void> {
  const server = await findPostgres(true);
  if (!server) {
    console.log("causal-gap flood, ours (PostgreSQL): skipped, no PostgreSQL found (see bench/README.md)");
    return;
  }
  const template = await postgresTemplate(server.adminUrl, SIZES);
  const url = await postgresCopy(template, "flood");
  try {
    const target = targetOf({ kind: "postgres", url }, template.manifest, await cookieOf(template.manifest));
    print(
      `PostgreSQL, ${server.description}`,
      await runFlood(target, path.join(folder, "flood-postgres.log")),
    );
  } finally {
    await dropPostgresDatabase(server.adminUrl, url);
    const templateUrl = new URL(server.adminUrl);
    templateUrl.pathname = `/${template.templateName}`;
    await dropPostgresDatabase(server.adminUrl, templateUrl.toString());
    server.stop();
  }
}

export async function reportFloods(): Promise<void> {
  const folder = path.join(BENCH_TMP, `flood-${Date.now()}`);
  await mkdir(folder, { recursive: true });
  await floodPglite(folder);
  await floodPostgres(folder);
  // The server logs are kept only when a run fails.
  await rm(folder, { recursive: true, force: true });
}
