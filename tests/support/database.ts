import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Sql } from "postgres";
import { inject } from "vitest";
import { connectDatabase, type Database, type DatabaseConnection } from "../../db/client";
import { adminUrl } from "./postgres-urls";

export interface TestDatabase {
  connection: DatabaseConnection;
  /** The seed statement imported by the demo data. */
  seedStatementId: string;
  /** For a second process: the PostgreSQL URL, or undefined for PGlite (which one process owns). */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh copy of the migrated, demo-seeded template, of the kind this test project runs on. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("databaseTemplate");
  if (template.kind === "pglite") {
    const dump = new Blob([await readFile(template.location)]);
    const connection = await connectDatabase({ kind: "pglite", loadDataDir: dump });
    return {
      connection,
      seedStatementId: template.seedStatementId,
      url: undefined,
      drop: () => connection.close(),
    };
  }
  const name = `beredning_test_${randomBytes(6).toString("hex")}`;
  const admin = await connectDatabase({ kind: "postgres", url: adminUrl(), maxConnections: 1 });
  await (admin.client as Sql).unsafe(`CREATE DATABASE ${name} TEMPLATE ${template.location}`);
  const url = adminUrl(name);
  const connection = await connectDatabase({ kind: "postgres", url });
  return {
    connection,
    seedStatementId: template.seedStatementId,
    url,
    async drop() {
      await connection.close();
      await (admin.client as Sql).unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

export interface ChildProcessDatabase {
  seedStatementId: string;
  /** Environment that points server/main.ts at this database. */
  env: Record<string, string>;
  /** Uses the database from this process; for PGlite only while no server process has it open. */
  withConnection<T>(use: (db: Database) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

/**
 * A fresh database for a server in another process. PGlite allows one process per folder, so its
 * copy of the template is written to a DATA_DIR on disk and closed again before any server opens it.
 */
export async function createChildProcessDatabase(): Promise<ChildProcessDatabase> {
  const template = inject("databaseTemplate");
  if (template.kind === "postgres") {
    const database = await createTestDatabase();
    return {
      seedStatementId: database.seedStatementId,
      env: { DATABASE_URL: database.url ?? "" },
      withConnection: (use) => use(database.connection.db),
      drop: () => database.drop(),
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "beredning-child-"));
  const pgliteDir = path.join(dataDir, "pglite");
  const { PGlite } = await import("@electric-sql/pglite");
  const writer = new PGlite({
    dataDir: pgliteDir,
    loadDataDir: new Blob([await readFile(template.location)]),
  });
  await writer.waitReady;
  await writer.close();
  return {
    seedStatementId: template.seedStatementId,
    env: { DATA_DIR: dataDir },
    async withConnection(use) {
      const connection = await connectDatabase({ kind: "pglite", dataDir: pgliteDir });
      try {
        return await use(connection.db);
      } finally {
        await connection.close();
      }
    },
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}
