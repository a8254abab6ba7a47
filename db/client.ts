import path from "node:path";
import type { MessagePort } from "node:worker_threads";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import type { PgliteThread } from "./pglite-thread";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both drivers' Drizzle databases share this interface; queries are written against it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgres";

export type DatabaseConfig =
  | {
      kind: "pglite";
      dataDir?: string;
      loadDataDir?: Blob;
      /**
       * "worker" (the default) runs PGlite in a worker thread, so its synchronous execution never
       * stalls the event loop; "main" keeps it in this thread for PGlite-only calls (dumpDataDir).
       */
      thread?: "worker" | "main";
    }
  | { kind: "postgres"; url: string; maxConnections?: number };

export interface DatabaseConnection {
  kind: DatabaseKind;
  db: Database;
  /** The driver's client, kept so another bundled copy of Drizzle can wrap the same connection. */
  client: DriverClient;
  /**
   * What another thread of this process needs to reach the same database (`connectSharedDatabase`),
   * or null when it cannot: PGlite running in this thread.
   */
  share(): SharedDatabase | null;
  close(): Promise<void>;
}

/** The same database, as a worker thread receives it (the port goes in the transfer list). */
export type SharedDatabase = { kind: "postgres"; url: string } | { kind: "pglite"; port: MessagePort };

type DriverClient = PGlite | PgliteThread | Sql;

/**
 * The database thread runs below the event loop's priority (nice 10 of 19): on a contended machine
 * relaying keystrokes comes first, and the database still gets a share, so it never starves.
 */
const PGLITE_THREAD_NICENESS = 10;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export async function connectDatabase(config: DatabaseConfig): Promise<DatabaseConnection> {
  if (config.kind === "pglite" && config.thread !== "main") {
    const { PgliteThread } = await import("./pglite-thread");
    const client = await PgliteThread.open({
      dataDir: config.dataDir,
      loadDataDir: config.loadDataDir ? await config.loadDataDir.arrayBuffer() : undefined,
      niceness: PGLITE_THREAD_NICENESS,
    });
    return pgliteConnection(client, () => ({ kind: "pglite", port: client.sharePort() }));
  }
  if (config.kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pgliteByteaCodec } = await import("./pglite-bytea");
    const client = new PGlite({
      dataDir: config.dataDir,
      loadDataDir: config.loadDataDir,
      ...pgliteByteaCodec,
    });
    await client.waitReady;
    return pgliteConnection(client, () => null);
  }
  const { default: postgres } = await import("postgres");
  const client = postgres(config.url, { max: config.maxConnections ?? 10, onnotice: () => {} });
  return {
    kind: "postgres",
    client,
    db: await wrapClient("postgres", client),
    share: () => ({ kind: "postgres", url: config.url }),
    close: () => client.end({ timeout: 5 }),
  };
}

/** Connects a worker thread to the database another thread shared with it. */
export async function connectSharedDatabase(shared: SharedDatabase): Promise<DatabaseConnection> {
  if (shared.kind === "postgres") {
    // A thread's background work needs one connection, not a pool.
    return connectDatabase({ kind: "postgres", url: shared.url, maxConnections: 1 });
  }
  const { PgliteThread } = await import("./pglite-thread");
  return pgliteConnection(PgliteThread.overPort(shared.port), () => null);
}

async function pgliteConnection(
  client: PGlite | PgliteThread,
  share: () => SharedDatabase | null,
): Promise<DatabaseConnection> {
  return {
    kind: "pglite",
    client,
    db: await wrapClient("pglite", client),
    share,
    close: () => client.close(),
  };
}

async function wrapClient(kind: DatabaseKind, client: DriverClient): Promise<Database> {
  if (kind === "pglite") {
    const { drizzle } = await import("drizzle-orm/pglite");
    // A PgliteThread implements the part of PGlite that Drizzle's PGlite driver calls.
    return drizzle({ client: client as PGlite, schema });
  }
  const { drizzle } = await import("drizzle-orm/postgres-js");
  return drizzle({ client: client as Sql, schema });
}

export async function migrateDatabase(connection: DatabaseConnection): Promise<void> {
  if (connection.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // Both drivers' Drizzle instances satisfy their migrator at runtime; the static types differ per driver.
    await migrate(connection.db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(connection.db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

let wrappedForThisCopy: { client: DriverClient; db: Database } | undefined;

/**
 * The connection's Drizzle database for this module copy: Next.js bundles its own copy of Drizzle
 * and of the schema, so each copy wraps the shared driver client once with its own.
 */
export async function databaseOfThisCopy(connection: DatabaseConnection): Promise<Database> {
  if (wrappedForThisCopy?.client !== connection.client) {
    wrappedForThisCopy = {
      client: connection.client,
      db: await wrapClient(connection.kind, connection.client),
    };
  }
  return wrappedForThisCopy.db;
}
