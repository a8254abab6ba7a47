import { eq, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { loadSessionUser, type SessionUser } from "../../db/queries/users";
import { organisationEvents, users } from "../../db/schema";
import { importUsers } from "../../workflow/admin-import";
import { createTestDatabase, type TestDatabase } from "../support/database";

/* The CSV import of users, on the demo organisation. */
let database: TestDatabase;
let db: Database;
let admin: SessionUser;

async function sessionUser(email: string): Promise<SessionUser> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const user = row ? await loadSessionUser(db, row.id) : null;
  if (!user) throw new Error(`No user ${email}`);
  return user;
}

beforeEach(async () => {
  database = await createTestDatabase();
  db = database.connection.db;
  admin = await sessionUser("admin@demo.test");
});

afterEach(() => database.drop());

const GOOD = [
  "namn;e-post;titel;enhet;roll",
  "Anna Berg;Anna.Berg@demo.test;Socialsekreterare;Barn- och ungdomsenheten;Handläggare",
  '"Ek, Olle";olle.ek@demo.test;;;granskare',
].join("\r\n");

const ONE_BAD = `${GOOD}\nCarl Dahl;carl.dahl@demo.test;Chef;Ingen sådan enhet;Enhetschef\n`;

const importedEmails = ["anna.berg@demo.test", "olle.ek@demo.test", "carl.dahl@demo.test"];

async function importedUsers() {
  return db.select().from(users).where(inArray(users.email, importedEmails));
}

describe("the CSV import of users", () => {
  it("previews a good file without writing, then creates every user with their role", async () => {
    const preview = await importUsers(db, admin, { csv: GOOD });
    expect(preview).toMatchObject({ ok: true, value: { valid: true, created: 0 } });
    if (!preview.ok) return;
    expect(preview.value.rows).toEqual([
      {
        line: 2,
        name: "Anna Berg",
        email: "anna.berg@demo.test",
        title: "Socialsekreterare",
        unit: "Barn- och ungdomsenheten",
        role: "Handläggare",
        errors: [],
      },
      {
        line: 3,
        name: "Ek, Olle",
        email: "olle.ek@demo.test",
        title: null,
        unit: null,
        role: "granskare",
        errors: [],
      },
    ]);
    expect(await importedUsers()).toEqual([]);

    expect(await importUsers(db, admin, { csv: GOOD, commit: true })).toMatchObject({
      ok: true,
      value: { valid: true, created: 2 },
    });
    const anna = await sessionUser("anna.berg@demo.test");
    expect(anna.roles).toEqual([
      { role: "handlaggare", unitId: expect.any(String), unitName: "Barn- och ungdomsenheten" },
    ]);
    expect((await sessionUser("olle.ek@demo.test")).roles).toEqual([
      { role: "granskare", unitId: null, unitName: null },
    ]);
    expect((await importedUsers()).map((user) => user.passwordHash)).toEqual([null, null]);
    const trail = await db
      .select()
      .from(organisationEvents)
      .where(eq(organisationEvents.action, "user.imported"));
    expect(trail.map((event) => event.targetId).sort()).toEqual(
      [anna.id, (await sessionUser("olle.ek@demo.test")).id].sort(),
    );

    // The same file again: every address now has an account.
    const again = await importUsers(db, admin, { csv: GOOD, commit: true });
    expect(again).toMatchObject({ ok: false, kind: "invalid" });
  });

  it("writes nothing when one row is bad, and says what is wrong row by row", async () => {
    const result = await importUsers(db, admin, { csv: ONE_BAD, commit: true });
    expect(result).toMatchObject({
      ok: false,
      kind: "invalid",
      error: "Inga användare har skapats: rätta raderna med fel och försök igen",
    });
    if (result.ok) return;
    const { rows } = result.details as { rows: { line: number; errors: string[] }[] };
    expect(rows.map(({ line, errors }) => ({ line, errors }))).toEqual([
      { line: 2, errors: [] },
      { line: 3, errors: [] },
      { line: 4, errors: ['Enheten "Ingen sådan enhet" finns inte.'] },
    ]);
    expect(await importedUsers()).toEqual([]);
    expect(await db.select().from(organisationEvents)).toEqual([]);
  });

  it("names every kind of row problem, and refuses a file without its columns and non-administratörer", async () => {
    const csv = [
      "name,email,title,unit,role",
      ",admin@demo.test,,,granskare",
      "A,inte-en-adress,,,Kung",
      "B,b@demo.test,,,handlaggare",
      "C,b@demo.test,,Barn- och ungdomsenheten,granskare",
    ].join("\n");
    const preview = await importUsers(db, admin, { csv });
    expect(preview).toMatchObject({ ok: true, value: { valid: false } });
    if (!preview.ok) return;
    expect(preview.value.rows.map((row) => row.errors)).toEqual([
      ["Namn saknas.", "Det finns redan ett konto med e-postadressen."],
      ["E-postadressen är inte giltig.", 'Okänd roll: "Kung".'],
      ["Rollen kräver en enhet."],
      ["E-postadressen finns på en tidigare rad.", "Rollen gäller hela organisationen och har ingen enhet."],
    ]);
    expect(await importUsers(db, admin, { csv: "namn;e-post\nA;a@demo.test" })).toMatchObject({
      kind: "invalid",
      error: "Kolumnen titel saknas i första raden (namn, e-post, titel, enhet, roll).",
    });
    expect(await importUsers(db, admin, { csv: 'namn\n"A' })).toMatchObject({ kind: "invalid" });
    expect(await importUsers(db, admin, { csv: 42 })).toMatchObject({ kind: "invalid" });
    expect(await importUsers(db, await sessionUser("direktor@demo.test"), { csv: GOOD })).toMatchObject({
      kind: "forbidden",
    });
  });
});
