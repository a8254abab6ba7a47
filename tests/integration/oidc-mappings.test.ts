import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { listUnits } from "../../db/queries/units";
import { loadSessionUser, type SessionUser } from "../../db/queries/users";
import { users } from "../../db/schema";
import { listAdministrationEvents } from "../../workflow/admin-events";
import { changeUnit, removeUnit } from "../../workflow/admin-units";
import { createGroupMapping, listGroupMappings, removeGroupMapping } from "../../workflow/oidc-mappings";
import { signInThroughIdentityProvider } from "../../workflow/oidc-sign-in";
import { createTestDatabase, type TestDatabase } from "../support/database";

/* The group mappings' use cases, as /api/admin/oidc-mappings calls them, and what a sign-in through
   the identity provider makes of them, on the demo organisation. */
let database: TestDatabase;
let db: Database;
let admin: SessionUser;

async function sessionUser(email: string): Promise<SessionUser> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const user = row ? await loadSessionUser(db, row.id) : null;
  if (!user) throw new Error(`No user ${email}`);
  return user;
}

async function unitId(name: string): Promise<string> {
  const unit = (await listUnits(db, admin.organisationId)).find((candidate) => candidate.name === name);
  if (!unit) throw new Error(`No unit ${name}`);
  return unit.id;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

async function signIn(email: string, groups: string[], autoCreate = true) {
  return signInThroughIdentityProvider(db, { email, name: "Ny Medarbetare", groups }, { autoCreate });
}

async function rolesOf(email: string) {
  return (await sessionUser(email)).roles.map(({ role, unitName }) => ({ role, unitName }));
}

beforeEach(async () => {
  database = await createTestDatabase();
  db = database.connection.db;
  admin = await sessionUser("admin@demo.test");
});

afterEach(() => database.drop());

describe("group mappings: the administration", () => {
  it("creates, lists and deletes mappings, each in the organisation's trail", async () => {
    const bou = await unitId("Barn- och ungdomsenheten");
    const mapping = value(
      await createGroupMapping(db, admin, { group: " bou-handlaggare ", role: "handlaggare", unitId: bou }),
    );
    expect(mapping).toMatchObject({ group: "bou-handlaggare", role: "handlaggare", unitId: bou });
    expect(mapping.unitName).toBe("Barn- och ungdomsenheten");
    const reviewers = value(await createGroupMapping(db, admin, { group: "granskare", role: "granskare" }));
    expect(reviewers.unitId).toBeNull();

    expect(value(await listGroupMappings(db, admin)).mappings.map((m) => m.id)).toEqual([
      mapping.id,
      reviewers.id,
    ]);
    expect(value(await removeGroupMapping(db, admin, mapping.id))).toEqual({ deleted: true });
    expect(value(await listGroupMappings(db, admin)).mappings).toEqual([reviewers]);

    const trail = value(await listAdministrationEvents(db, admin)).events;
    expect(trail.map(({ action, targetKind, targetId }) => ({ action, targetKind, targetId }))).toEqual([
      { action: "oidc-mapping.deleted", targetKind: "oidc-mapping", targetId: mapping.id },
      { action: "oidc-mapping.created", targetKind: "oidc-mapping", targetId: reviewers.id },
      { action: "oidc-mapping.created", targetKind: "oidc-mapping", targetId: mapping.id },
    ]);
    expect(trail[0]?.details).toEqual({ group: "bou-handlaggare", role: "handlaggare", unitId: bou });
  });

  it("refuses others with 403, bad input with 400, a repeated mapping with 409, an unknown one with 404", async () => {
    const chef = await sessionUser("enhetschef.bou@demo.test");
    const bou = await unitId("Barn- och ungdomsenheten");
    const forbidden = {
      kind: "forbidden",
      error: "Bara en administratör har tillgång till administrationen",
    };
    expect(await listGroupMappings(db, chef)).toMatchObject(forbidden);
    expect(await createGroupMapping(db, chef, { group: "x", role: "granskare" })).toMatchObject(forbidden);
    const mapping = value(await createGroupMapping(db, admin, { group: "x", role: "granskare" }));
    expect(await removeGroupMapping(db, chef, mapping.id)).toMatchObject(forbidden);

    for (const input of [
      { group: " ", role: "granskare" },
      { group: "x", role: "kung" },
      { group: "x", role: "handlaggare" },
      { group: "x", role: "granskare", unitId: bou },
      { group: "x", role: "handlaggare", unitId: "not-a-uuid" },
      { group: "x", role: "granskare", extra: 1 },
      "x",
    ]) {
      expect(await createGroupMapping(db, admin, input)).toMatchObject({ ok: false, kind: "invalid" });
    }
    expect(
      await createGroupMapping(db, admin, { group: "x", role: "handlaggare", unitId: crypto.randomUUID() }),
    ).toMatchObject({
      kind: "invalid",
      error: "Ogiltig förfrågan: roles.0: Enheten finns inte i organisationen.",
    });
    expect(await createGroupMapping(db, admin, { group: "x", role: "granskare" })).toMatchObject({
      kind: "conflict",
      error: "Gruppen har redan den rollen",
    });
    value(await createGroupMapping(db, admin, { group: "x", role: "handlaggare", unitId: bou }));
    expect(
      await createGroupMapping(db, admin, { group: "x", role: "handlaggare", unitId: bou }),
    ).toMatchObject({
      kind: "conflict",
    });
    expect(await removeGroupMapping(db, admin, crypto.randomUUID())).toMatchObject({
      kind: "not-found",
      error: "Kopplingen finns inte",
    });
  });
});

describe("signing in through the identity provider", () => {
  it("creates the account with the mapped roles, and replaces them at every sign-in", async () => {
    const bou = await unitId("Barn- och ungdomsenheten");
    value(await createGroupMapping(db, admin, { group: "bou", role: "handlaggare", unitId: bou }));
    value(await createGroupMapping(db, admin, { group: "granskning", role: "granskare" }));

    const first = await signIn("Ny@Demo.test", ["bou", "okand-grupp"]);
    expect(first.ok).toBe(true);
    expect(await rolesOf("ny@demo.test")).toEqual([
      { role: "handlaggare", unitName: "Barn- och ungdomsenheten" },
    ]);
    const user = await sessionUser("ny@demo.test");
    expect(user).toMatchObject({ name: "Ny Medarbetare", organisationId: admin.organisationId });

    expect(await signIn("ny@demo.test", ["granskning"])).toEqual(first);
    expect(await rolesOf("ny@demo.test")).toEqual([{ role: "granskare", unitName: null }]);
    expect(await signIn("ny@demo.test", [])).toEqual(first);
    expect(await rolesOf("ny@demo.test")).toEqual([]);

    const trail = value(await listAdministrationEvents(db, admin)).events.filter(
      (e) => e.targetId === user.id,
    );
    expect(trail.map((event) => [event.action, event.actorName])).toEqual([
      ["user.roles-synced", null],
      ["user.roles-synced", null],
      ["user.created", null],
    ]);
    expect(trail[2]?.details).toMatchObject({ source: "identity-provider", groups: ["bou", "okand-grupp"] });
  });

  it("leaves roles alone while nothing is mapped; keeps mapped units; skips deactivated ones", async () => {
    expect(await signIn("handlaggare.bou@demo.test", ["whatever"])).toMatchObject({ ok: true });
    expect(await rolesOf("handlaggare.bou@demo.test")).toEqual([
      { role: "handlaggare", unitName: "Barn- och ungdomsenheten" },
    ]);

    const eb = await unitId("Enheten för ekonomiskt bistånd");
    value(await createGroupMapping(db, admin, { group: "eb", role: "handlaggare", unitId: eb }));
    expect(await removeUnit(db, admin, eb)).toMatchObject({ kind: "conflict" });
    value(await changeUnit(db, admin, eb, { active: false }));
    await signIn("handlaggare.bou@demo.test", ["eb"]);
    expect(await rolesOf("handlaggare.bou@demo.test")).toEqual([]);
  });

  it("refuses an unknown account without auto-create, a deactivated one, and a sign-in without e-mail", async () => {
    expect(await signIn("okand@demo.test", ["bou"], false)).toEqual({ ok: false, reason: "unknown-account" });
    expect(await sessionUser("okand@demo.test").catch(() => null)).toBeNull();
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.email, "granskare@demo.test"));
    expect(await signIn("granskare@demo.test", [])).toEqual({ ok: false, reason: "deactivated" });
    expect(
      await signInThroughIdentityProvider(db, { email: null, name: "X", groups: [] }, { autoCreate: true }),
    ).toEqual({ ok: false, reason: "no-email" });
  });
});
