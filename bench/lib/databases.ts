import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { connectDatabase, type Database, type DatabaseConnection, migrateDatabase } from "../../db/client";
import { documentSnapshots, documentUpdates } from "../../db/schema";
import { loadDocument } from "../../server/collab/document-store";
import { type DocumentDigest, digestDocument } from "./digest";
import { type BenchManifest, type SeedSizes, seedBenchDatabase } from "./seed";

export const REPOSITORY = path.resolve(import.meta.dirname, "..", "..");
/** Scratch space of bench runs (git-ignored): database copies, logs, the seeded-template cache. */
export const BENCH_TMP = path.join(REPOSITORY, "bench", "tmp");

interface StoredManifest extends Omit<BenchManifest, "seedDocument" | "templateDocument"> {
  seedDocument: string;
  templateDocument: string;
}

export function manifestToJson(manifest: BenchManifest): string {
  const stored: StoredManifest = {
    ...manifest,
    seedDocument: Buffer.from(manifest.seedDocument).toString("base64"),
    templateDocument: Buffer.from(manifest.templateDocument).toString("base64"),
  };
  return JSON.stringify(stored);
}

export function manifestFromJson(json: string): BenchManifest {
  const stored = JSON.parse(json) as StoredManifest;
  return {
    ...stored,
    seedDocument: new Uint8Array(Buffer.from(stored.seedDocument, "base64")),
    templateDocument: new Uint8Array(Buffer.from(stored.templateDocument, "base64")),
  };
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** A short hash of the code under test (ours): which version of it a server run used. */
export async function codeFingerprint(repository = REPOSITORY): Promise<string> {
  const hash = createHash("sha256");
  for (const folder of ["server", "db", "seed", "workflow", "auth", "domain", "editor", "events"]) {
    const root = path.join(repository, folder);
    let files: string[] = [];
    try {
      files = await filesUnder(root);
    } catch {
      continue;
    }
    for (const file of files) hash.update(file).update(await readFile(file));
  }
  return hash.digest("hex").slice(0, 12);
}

/** Changes whenever anything that shapes the seeded database changes: then the cache is rebuilt. */
async function seedFingerprint(sizes: SeedSizes): Promise<string> {
  const hash = createHash("sha256").update(JSON.stringify(sizes));
  const inputs = [
    ...(await filesUnder(path.join(REPOSITORY, "db"))),
    ...(await filesUnder(path.join(REPOSITORY, "seed"))),
    ...(await filesUnder(path.join(REPOSITORY, "workflow"))),
    ...(await filesUnder(path.join(REPOSITORY, "domain"))),
    ...(await filesUnder(path.join(REPOSITORY, "editor"))),
    path.join(REPOSITORY, "bench", "lib", "seed.ts"),
    path.join(REPOSITORY, "package-lock.json"),
  ];
  for (const file of inputs) hash.update(file).update(await readFile(file));
  return hash.digest("hex").slice(0, 16);
}

export interface PgliteTemplate {
  /** A closed, migrated and seeded PGlite data folder; copied for every run of ours on PGlite. */
  folder: string;
  manifest: BenchManifest;
  cached: boolean;
  seedSeconds: number;
}

/**
 * The seeded PGlite template, built in a child process (so it can run beside the PostgreSQL seeding)
 * and kept in bench/tmp/cache until the schema, queries or seed change.
 */
export async function pgliteTemplate(sizes: SeedSizes, useCache: boolean): Promise<PgliteTemplate> {
  const started = performance.now();
  const folder = path.join(BENCH_TMP, "cache", `pglite-${await seedFingerprint(sizes)}`);
  const manifestFile = path.join(folder, "manifest.json");
  if (useCache) {
    try {
      const manifest = manifestFromJson(await readFile(manifestFile, "utf8"));
      return { folder: path.join(folder, "pglite"), manifest, cached: true, seedSeconds: 0 };
    } catch {
      // Not cached yet.
    }
  }
  // Built beside the cache entry and renamed into place, so a concurrent run never sees half of it.
  const building = `${folder}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(REPOSITORY, "bench", "lib", "seed-pglite.ts"),
        building,
        JSON.stringify(sizes),
      ],
      { cwd: REPOSITORY, stdio: ["ignore", "inherit", "inherit"] },
    );
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`PGlite seeding failed (${code})`)),
    );
  });
  await rm(folder, { recursive: true, force: true });
  await rename(building, folder);
  const manifest = manifestFromJson(await readFile(manifestFile, "utf8"));
  return {
    folder: path.join(folder, "pglite"),
    manifest,
    cached: false,
    seedSeconds: (performance.now() - started) / 1000,
  };
}

/** Runs in the seeding child: migrate and seed a new PGlite folder, then write the manifest beside it. */
export async function seedPgliteFolder(folder: string, sizes: SeedSizes): Promise<void> {
  const connection = await connectDatabase({ kind: "pglite", dataDir: path.join(folder, "pglite") });
  try {
    await migrateDatabase(connection);
    const manifest = await seedInOneTransaction(connection.db, sizes);
    await writeFile(path.join(folder, "manifest.json"), manifestToJson(manifest));
  } finally {
    await connection.close();
  }
}

/** One outer transaction: the statements' own transactions become savepoints, with one commit. */
function seedInOneTransaction(db: Database, sizes: SeedSizes): Promise<BenchManifest> {
  return db.transaction((tx) => seedBenchDatabase(tx as unknown as Database, sizes));
}

/** A copy of the template for one server run: its DATA_DIR. */
export async function pgliteCopy(template: PgliteTemplate, name: string, runFolder: string): Promise<string> {
  const dataDir = path.join(runFolder, "data", name);
  await rm(dataDir, { recursive: true, force: true });
  await cp(template.folder, path.join(dataDir, "pglite"), { recursive: true });
  return dataDir;
}

export interface PostgresTemplate {
  adminUrl: string;
  templateName: string;
  manifest: BenchManifest;
  seedSeconds: number;
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, use: (sql: Sql) => Promise<T>): Promise<T> {
  const admin = await connectDatabase({ kind: "postgres", url: adminUrl, maxConnections: 1 });
  try {
    return await use(admin.client as Sql);
  } finally {
    await admin.close();
  }
}

export async function postgresTemplate(adminUrl: string, sizes: SeedSizes): Promise<PostgresTemplate> {
  const started = performance.now();
  const templateName = `bench_template_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.unsafe(`CREATE DATABASE ${templateName}`));
  const connection = await connectDatabase({ kind: "postgres", url: databaseUrl(adminUrl, templateName) });
  let manifest: BenchManifest;
  try {
    await migrateDatabase(connection);
    manifest = await seedInOneTransaction(connection.db, sizes);
  } finally {
    await connection.close();
  }
  return { adminUrl, templateName, manifest, seedSeconds: (performance.now() - started) / 1000 };
}

/** A database copied from the template for one server run; returns its URL. */
export async function postgresCopy(template: PostgresTemplate, name: string): Promise<string> {
  const database = `bench_${name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${randomBytes(3).toString("hex")}`;
  await withAdmin(template.adminUrl, (admin) =>
    admin.unsafe(`CREATE DATABASE ${database} TEMPLATE ${template.templateName}`),
  );
  return databaseUrl(template.adminUrl, database);
}

export async function dropPostgresDatabase(adminUrl: string, url: string): Promise<void> {
  const database = new URL(url).pathname.slice(1);
  await withAdmin(adminUrl, (admin) => admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
}

export type StoredLocation = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

/** Opens a stopped server's database from the orchestrator (PGlite allows one process per folder). */
export async function openStored(location: StoredLocation): Promise<DatabaseConnection> {
  return location.kind === "pglite"
    ? connectDatabase({ kind: "pglite", dataDir: path.join(location.dataDir, "pglite") })
    : connectDatabase({ kind: "postgres", url: location.url, maxConnections: 2 });
}

/** The statement as the database holds it: snapshot plus logged updates, as the server loads it. */
export async function storedDigest(db: Database, statementId: string): Promise<DocumentDigest> {
  const doc = await loadDocument(db, statementId);
  const digest = digestDocument(doc);
  doc.destroy();
  return digest;
}

export interface StoredSize {
  snapshotBytes: number;
  updateBytes: number;
  updateRows: number;
}

export async function storedSize(db: Database, statementId: string): Promise<StoredSize> {
  const [snapshot] = await db
    .select({ bytes: sql<string>`coalesce(sum(octet_length(${documentSnapshots.snapshot})), 0)` })
    .from(documentSnapshots)
    .where(eq(documentSnapshots.statementId, statementId));
  const [updates] = await db
    .select({
      bytes: sql<string>`coalesce(sum(octet_length(${documentUpdates.update})), 0)`,
      rows: sql<string>`count(*)`,
    })
    .from(documentUpdates)
    .where(eq(documentUpdates.statementId, statementId));
  return {
    snapshotBytes: Number(snapshot?.bytes ?? 0),
    updateBytes: Number(updates?.bytes ?? 0),
    updateRows: Number(updates?.rows ?? 0),
  };
}

/** Keeps the scratch folders (logs, profiles) of the most recent runs only. */
export async function pruneOldRuns(keep: number): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(BENCH_TMP);
  } catch {
    return;
  }
  const runs = entries.filter((entry) => entry.startsWith("run-")).sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - keep))) {
    await rm(path.join(BENCH_TMP, old), { recursive: true, force: true });
  }
}
