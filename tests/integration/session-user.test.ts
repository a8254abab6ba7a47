import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getStatementAccessFacts } from "../../db/queries/statements";
import { loadSessionUser, loadSessionUserAndStatement } from "../../db/queries/users";
import { statements, units, userRoles, users } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

async function userByEmail(email: string) {
  const [user] = await database.connection.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No demo user ${email}`);
  return user;
}

async function insertUserWithoutGrants(organisationId: string) {
  const [user] = await database.connection.db
    .insert(users)
    .values({ organisationId, email: "ny@demo.test", name: "Ny Medarbetare" })
    .returning();
  if (!user) throw new Error("User insert returned no row");
  return user;
}

async function anyStatement() {
  const [statement] = await database.connection.db.select().from(statements).limit(1);
  if (!statement) throw new Error("The demo data has no statement");
  return statement;
}

describe("the signed-in user as the server loads it", () => {
  it("is a member of its enhet and of the avdelning above it, with each grant once", async () => {
    const { db } = database.connection;
    const sara = await userByEmail("handlaggare.bou@demo.test");
    const loaded = await loadSessionUser(db, sara.id);
    const [enhet] = await db.select().from(units).where(eq(units.name, "Barn- och ungdomsenheten"));

    expect(loaded).toMatchObject({ id: sara.id, email: sara.email, name: "Sara Lindqvist" });
    expect(loaded?.roles).toEqual([{ role: "handlaggare", unitId: enhet?.id, unitName: enhet?.name }]);
    expect(new Set(loaded?.memberOfUnitIds)).toEqual(new Set([enhet?.id, enhet?.parentId]));
  });

  it("has no roles and no units when nothing is granted, and is not found when unknown", async () => {
    const { db } = database.connection;
    const sara = await userByEmail("handlaggare.bou@demo.test");
    const newcomer = await insertUserWithoutGrants(sara.organisationId);

    expect(await loadSessionUser(db, newcomer.id)).toEqual({
      id: newcomer.id,
      organisationId: sara.organisationId,
      email: "ny@demo.test",
      name: "Ny Medarbetare",
      title: null,
      roles: [],
      memberOfUnitIds: [],
    });
    expect(await loadSessionUser(db, randomUUID())).toBeNull();
  });
});

describe("the signed-in user and a statement, as a socket's upgrade loads them in one query", () => {
  it("is the same user as loadSessionUser, with the statement's access facts, for every grant", async () => {
    const { db } = database.connection;
    const sara = await userByEmail("handlaggare.bou@demo.test");
    // A second grant: the user comes back as two rows, each carrying the statement's columns.
    await db.insert(userRoles).values({ userId: sara.id, role: "granskare", unitId: null });
    const statement = await anyStatement();

    const loaded = await loadSessionUserAndStatement(db, sara.id, statement.id);

    expect(loaded?.user).toEqual(await loadSessionUser(db, sara.id));
    expect(loaded?.user.roles).toHaveLength(2);
    expect(loaded?.statement).toEqual(await getStatementAccessFacts(db, statement.id));
    expect(loaded?.statement).toEqual({ organisationId: statement.organisationId, status: statement.status });
  });

  it("has no statement when none has the id, a statement for a user without grants, and no user when unknown", async () => {
    const { db } = database.connection;
    const sara = await userByEmail("handlaggare.bou@demo.test");
    const statement = await anyStatement();
    const newcomer = await insertUserWithoutGrants(sara.organisationId);

    const unknownStatement = await loadSessionUserAndStatement(db, sara.id, randomUUID());
    expect(unknownStatement?.user).toEqual(await loadSessionUser(db, sara.id));
    expect(unknownStatement?.statement).toBeNull();

    const withoutGrants = await loadSessionUserAndStatement(db, newcomer.id, statement.id);
    expect(withoutGrants?.user.roles).toEqual([]);
    expect(withoutGrants?.statement).toEqual({
      organisationId: statement.organisationId,
      status: statement.status,
    });

    expect(await loadSessionUserAndStatement(db, randomUUID(), statement.id)).toBeNull();
  });
});
