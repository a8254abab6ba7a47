import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { connectDatabase, migrateDatabase } from "../../db/client";
import { seedDemoData } from "../../seed/demo";
import { adminUrl, TEMPLATE_DATABASE } from "./postgres-urls";

/**
 * Builds one migrated, demo-seeded database per run; every test database is a cheap copy of it
 * (a PGlite data-dir dump, or a PostgreSQL TEMPLATE database).
 */
export default async function setup(project: TestProject) {
  // Global setups run in vitest's main process, where a project's `env` is not applied: the
  // project's own config says which database it tests.
  const kind = project.config.env?.TEST_DB === "postgres" ? "postgres" : "pglite";
  if (kind === "pglite") {
    const connection = await connectDatabase({ kind: "pglite", thread: "main" });
    await migrateDatabase(connection);
    const seedStatementId = await seedDemoData(connection.db);
    const { PGlite } = await import("@electric-sql/pglite");
    const dump = await (connection.client as InstanceType<typeof PGlite>).dumpDataDir("none");
    const file = path.join(os.tmpdir(), `beredning-template-${process.pid}.tar`);
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    await connection.close();
    project.provide("databaseTemplate", { kind, location: file, seedStatementId });
    return;
  }
  const admin = await connectDatabase({ kind: "postgres", url: adminUrl(), maxConnections: 1 });
  const sql = admin.client as import("postgres").Sql;
  await sql.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await sql.unsafe(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const template = await connectDatabase({
    kind: "postgres",
    url: adminUrl(TEMPLATE_DATABASE),
    maxConnections: 1,
  });
  await migrateDatabase(template);
  const seedStatementId = await seedDemoData(template.db);
  await template.close();
  await admin.close();
  project.provide("databaseTemplate", { kind, location: TEMPLATE_DATABASE, seedStatementId });
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: { kind: "pglite" | "postgres"; location: string; seedStatementId: string };
  }
}
