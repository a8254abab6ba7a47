import { randomBytes } from "node:crypto";
import type { Sql } from "postgres";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { connectDatabase, type DatabaseConnection, migrateDatabase } from "../../db/client";
import { listTemplates } from "../../db/queries/templates";
import { SETUP_REQUIRED } from "../../server/first-run";
import { ALREADY_SET_UP, setUpOrganisation } from "../../workflow/first-admin";
import { attemptLogin } from "../../workflow/login";
import { startCollabServer } from "../support/app";
import { adminUrl } from "../support/postgres-urls";

/* An empty, migrated database without demo data (SEED_DEMO=0), of the kind this project runs on. */
async function emptyDatabase(): Promise<{ connection: DatabaseConnection; drop(): Promise<void> }> {
  if (inject("databaseTemplate").kind === "pglite") {
    const connection = await connectDatabase({ kind: "pglite" });
    await migrateDatabase(connection);
    return { connection, drop: () => connection.close() };
  }
  const name = `beredning_empty_${randomBytes(6).toString("hex")}`;
  const admin = await connectDatabase({ kind: "postgres", url: adminUrl(), maxConnections: 1 });
  await (admin.client as Sql).unsafe(`CREATE DATABASE ${name}`);
  const connection = await connectDatabase({ kind: "postgres", url: adminUrl(name) });
  await migrateDatabase(connection);
  return {
    connection,
    async drop() {
      await connection.close();
      await (admin.client as Sql).unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

let database: Awaited<ReturnType<typeof emptyDatabase>>;
let server: Awaited<ReturnType<typeof startCollabServer>>;

beforeEach(async () => {
  database = await emptyDatabase();
  server = await startCollabServer(database.connection);
});

afterEach(async () => {
  await server.close();
  await database.drop();
});

function get(path: string) {
  return fetch(`http://127.0.0.1:${server.port}${path}`, { redirect: "manual" });
}

const FIRST_ADMIN = {
  organisation: "Exempel stadsdelsförvaltning",
  name: "Kim Andersson",
  email: "it@exempel.se",
  password: "ett-langt-losenord",
};

describe("the first run, on an empty database", () => {
  it("leads every page to /setup and refuses the API until the first administratör exists", async () => {
    const page = await get("/statements/new");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/setup");
    const api = await get("/api/statements");
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: SETUP_REQUIRED });
    expect((await get("/api/health")).status).toBe(200);
    // Open before setup; this collaboration-only server has no pages, so they answer 404.
    expect((await get("/setup")).status).toBe(404);

    const { db } = database.connection;
    expect(await setUpOrganisation(db, { ...FIRST_ADMIN, organisation: " " })).toMatchObject({
      kind: "invalid",
      error: "Ogiltig förfrågan: organisation: Ange organisationens namn.",
    });
    const setUp = await setUpOrganisation(db, FIRST_ADMIN);
    expect(setUp).toMatchObject({ ok: true });
    // The new organisation has the default section templates without any demo data.
    const organisationId = setUp.ok ? setUp.value.organisationId : "";
    expect((await listTemplates(db, organisationId)).map((template) => template.name)).toEqual([
      "Remissvar",
      "Tjänsteutlåtande på eget initiativ",
    ]);
    const login = { email: FIRST_ADMIN.email, password: FIRST_ADMIN.password, clientAddress: "10.7.0.1" };
    expect(await attemptLogin(db, login)).toMatchObject({ ok: true });
    expect(await setUpOrganisation(db, { ...FIRST_ADMIN, email: "annan@exempel.se" })).toMatchObject({
      kind: "conflict",
      error: ALREADY_SET_UP,
    });
    expect((await get("/statements/new")).status).toBe(404);
    expect((await get("/api/statements")).status).toBe(404);
  });
});
