import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSessionUser } from "../../db/queries/users";
import { units, users } from "../../db/schema";
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
    const [newcomer] = await db
      .insert(users)
      .values({ organisationId: sara.organisationId, email: "ny@demo.test", name: "Ny Medarbetare" })
      .returning();
    if (!newcomer) throw new Error("User insert returned no row");

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
