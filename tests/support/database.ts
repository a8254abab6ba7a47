import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Sql } from "postgres";
import { inject } from "vitest";
import { connectDatabase, type DatabaseConnection } from "../../db/client";
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
