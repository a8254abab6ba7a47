import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { isSessionActive } from "../../auth/session-check";
import type { Database } from "../../db/client";
import { listUnits } from "../../db/queries/units";
import { loadSessionUser, type SessionUser } from "../../db/queries/users";
import { organisationEvents, users } from "../../db/schema";
import { listAdministrationEvents } from "../../workflow/admin-events";
import { changeUnit, createUnit, listUnitsForAdmin, removeUnit } from "../../workflow/admin-units";
import { createUser, editUser, searchUsers } from "../../workflow/admin-users";
import { attemptLogin } from "../../workflow/login";
import { createNewStatement, UnknownPreparingUnitsError } from "../../workflow/new-statement";
import type { FailureKind } from "../../workflow/result";
import { collabFixture } from "../support/fixture";
import { sessionCookieFor, sessionIdOf } from "../support/session";

/*
 * The administration's use cases, as the /api/admin routes call them, on the demo organisation, in
 * a running app (deactivation tells the app's session bus).
 */
const collab = collabFixture();
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

beforeEach(async () => {
  db = collab.database.connection.db;
  admin = await sessionUser("admin@demo.test");
});

describe("administration: permissions", () => {
  it("refuses every use case to anyone but an administratör with 403", async () => {
    const chef = await sessionUser("enhetschef.bou@demo.test");
    const someUnit = await unitId("Barn- och ungdomsenheten");
    const refusals = [
      await listUnitsForAdmin(db, chef),
      await createUnit(db, chef, { name: "X", kind: "avdelning" }),
      await changeUnit(db, chef, someUnit, { name: "Y" }),
      await removeUnit(db, chef, someUnit),
      await searchUsers(db, chef, undefined),
      await createUser(db, chef, { name: "X", email: "x@demo.test" }),
      await editUser(db, chef, chef.id, { title: "Chef" }),
      await listAdministrationEvents(db, chef),
    ];
    for (const result of refusals) {
      expect(result).toEqual({
        ok: false,
        kind: "forbidden",
        error: "Bara en administratör har tillgång till administrationen",
        details: undefined,
      });
    }
  });
});

describe("administration: units", () => {
  it("creates, renames, moves, deactivates and deletes units, each in the trail", async () => {
    const avdelning = value(await createUnit(db, admin, { name: "Kulturavdelningen", kind: "avdelning" }));
    const enhet = value(
      await createUnit(db, admin, { name: " Biblioteksenheten ", kind: "enhet", parentId: avdelning.id }),
    );
    expect(enhet).toMatchObject({ name: "Biblioteksenheten", parentId: avdelning.id, active: true });

    expect(value(await changeUnit(db, admin, enhet.id, { name: "Bibliotek" })).name).toBe("Bibliotek");
    const social = await unitId("Socialtjänstavdelningen");
    expect(value(await changeUnit(db, admin, enhet.id, { parentId: social })).parentId).toBe(social);
    expect(value(await changeUnit(db, admin, enhet.id, { active: false })).active).toBe(false);
    expect(value(await removeUnit(db, admin, enhet.id))).toEqual({ deleted: true });

    const units = value(await listUnitsForAdmin(db, admin));
    expect(units.map((unit) => unit.name)).not.toContain("Bibliotek");
    const trail = value(await listAdministrationEvents(db, admin)).events;
    expect(trail.map(({ action, targetId }) => ({ action, targetId }))).toEqual([
      { action: "unit.deleted", targetId: enhet.id },
      { action: "unit.updated", targetId: enhet.id },
      { action: "unit.updated", targetId: enhet.id },
      { action: "unit.updated", targetId: enhet.id },
      { action: "unit.created", targetId: enhet.id },
      { action: "unit.created", targetId: avdelning.id },
    ]);
    expect(trail[0]?.actorName).toBe("Kim Andersson");
  });

  it("refuses a unit in use, a taken name, a bad parent and bad input as conflicts, invalid input and unknown units", async () => {
    const bou = await unitId("Barn- och ungdomsenheten");
    const eb = await unitId("Enheten för ekonomiskt bistånd");
    expect(await removeUnit(db, admin, bou)).toMatchObject({
      kind: "conflict",
      error: "Enheten används och kan inte tas bort, bara avaktiveras",
    });
    expect(value(await changeUnit(db, admin, bou, { active: false })).active).toBe(false);
    expect(
      await createUnit(db, admin, { name: "barn- och UNGDOMSENHETEN", kind: "avdelning" }),
    ).toMatchObject({
      kind: "conflict",
      error: "Det finns redan en enhet med det namnet",
    });
    expect(await createUnit(db, admin, { name: "Ny", kind: "enhet" })).toMatchObject({
      kind: "invalid",
      error: "Välj den avdelning enheten hör till.",
    });
    expect(await createUnit(db, admin, { name: "Ny", kind: "enhet", parentId: eb })).toMatchObject({
      kind: "invalid",
      error: "Den överordnade avdelningen finns inte.",
    });
    expect(await createUnit(db, admin, { name: "", kind: "avdelning" })).toMatchObject({
      kind: "invalid",
      error: "Ogiltig förfrågan: name: Ange ett namn.",
    });
    expect(await createUnit(db, admin, { name: "Ny", kind: "sektion" })).toMatchObject({ kind: "invalid" });
    expect(await changeUnit(db, admin, bou, {})).toMatchObject({ kind: "invalid" });
    expect(await changeUnit(db, admin, bou, { colour: "red" })).toMatchObject({ kind: "invalid" });
    expect(await changeUnit(db, admin, crypto.randomUUID(), { name: "X" })).toMatchObject({
      kind: "not-found",
      error: "Enheten finns inte",
    });
    expect(await removeUnit(db, admin, crypto.randomUUID())).toMatchObject({ kind: "not-found" });
    // A deactivated unit is offered to no new statement, and takes none.
    expect((await listUnits(db, admin.organisationId)).map((unit) => unit.id)).not.toContain(bou);
    await expect(
      createNewStatement(db, {
        organisationId: admin.organisationId,
        createdBy: admin.id,
        input: {
          recipient: "Nämnden",
          title: "Remiss",
          diarienummer: null,
          remissSender: null,
          deadline: null,
          extendedDeadline: null,
          preparingUnitIds: [bou],
        },
      }),
    ).rejects.toBeInstanceOf(UnknownPreparingUnitsError);
    // A deactivated unit takes no new grants.
    expect(
      await createUser(db, admin, {
        name: "Ny",
        email: "ny@demo.test",
        roles: [{ role: "handlaggare", unitId: bou }],
      }),
    ).toMatchObject({ kind: "invalid", error: "Ogiltig förfrågan: roles.0: Enheten är avaktiverad." });
  });
});

describe("administration: users", () => {
  it("creates a user with a role who can sign in, finds and edits them, and resets the password", async () => {
    const bou = await unitId("Barn- och ungdomsenheten");
    const created = value(
      await createUser(db, admin, {
        name: "Nora Lind",
        email: " Nora.Lind@Demo.test ",
        title: "Socialsekreterare",
        telephone: "08-508 000 00",
        password: "ett-langt-losenord",
        roles: [{ role: "handlaggare", unitId: bou }],
      }),
    );
    expect(created).toMatchObject({
      email: "nora.lind@demo.test",
      active: true,
      passwordSignIn: true,
      roles: [{ role: "handlaggare", unitId: bou, unitName: "Barn- och ungdomsenheten" }],
    });
    const login = { email: "nora.lind@demo.test", password: "ett-langt-losenord", clientAddress: "10.9.0.1" };
    expect(await attemptLogin(db, login)).toMatchObject({ ok: true });

    expect(value(await searchUsers(db, admin, "NORA.L")).map((user) => user.id)).toEqual([created.id]);
    expect(value(await searchUsers(db, admin, "%")).length).toBe(0);

    const edited = value(
      await editUser(db, admin, created.id, {
        telephone: null,
        roles: [
          { role: "enhetschef", unitId: bou },
          { role: "granskare", unitId: null },
        ],
      }),
    );
    expect(edited.telephone).toBeNull();
    expect(edited.roles.map(({ role }) => role).sort()).toEqual(["enhetschef", "granskare"]);

    value(await editUser(db, admin, created.id, { password: "ett-nytt-langt-losenord" }));
    expect(await attemptLogin(db, login)).toMatchObject({ ok: false });
    expect(await attemptLogin(db, { ...login, password: "ett-nytt-langt-losenord" })).toMatchObject({
      ok: true,
    });
    expect(value(await editUser(db, admin, created.id, { password: null })).passwordSignIn).toBe(false);
    expect(await attemptLogin(db, { ...login, password: "ett-nytt-langt-losenord" })).toMatchObject({
      ok: false,
    });

    const [event] = await db
      .select()
      .from(organisationEvents)
      .where(eq(organisationEvents.action, "user.created"));
    expect(event?.details).not.toHaveProperty("password");
  });

  it("deactivation ends the user's sessions and keeps their name; the trail records it", async () => {
    const sara = await sessionUser("handlaggare.bou@demo.test");
    const cookie = await sessionCookieFor(db, "handlaggare.bou@demo.test");
    expect(await isSessionActive(db, await sessionIdOf(cookie))).toBe(true);

    const edited = value(await editUser(db, admin, sara.id, { active: false }));
    expect(edited).toMatchObject({ active: false, name: sara.name });
    expect(await isSessionActive(db, await sessionIdOf(cookie))).toBe(false);
    expect(value(await searchUsers(db, admin, sara.name)).map((user) => user.active)).toEqual([false]);
    const [latest] = value(await listAdministrationEvents(db, admin)).events;
    expect(latest).toMatchObject({
      action: "user.updated",
      targetId: sara.id,
      details: { change: { active: false } },
    });
  });

  it("refuses taken addresses, bad grants, bad input, unknown users and removing one's own admin role", async () => {
    const bou = await unitId("Barn- och ungdomsenheten");
    const sara = await sessionUser("handlaggare.bou@demo.test");
    const cases: [unknown, FailureKind, string][] = [
      [
        { name: "X", email: "ADMIN@demo.test" },
        "conflict",
        "Det finns redan ett konto med den e-postadressen",
      ],
      [
        { name: "X", email: "inte-en-adress" },
        "invalid",
        "Ogiltig förfrågan: email: Ange en giltig e-postadress.",
      ],
      [{ email: "x@demo.test" }, "invalid", "Ogiltig förfrågan: name: Ange ett namn."],
      [
        { name: "X", email: "x@demo.test", password: "kort" },
        "invalid",
        "Ogiltig förfrågan: password: Lösenordet ska ha minst 12 tecken.",
      ],
      [
        { name: "X", email: "x@demo.test", roles: [{ role: "handlaggare" }] },
        "invalid",
        "Ogiltig förfrågan: roles.0: Rollen kräver en enhet.",
      ],
      [
        { name: "X", email: "x@demo.test", roles: [{ role: "granskare", unitId: bou }] },
        "invalid",
        "Ogiltig förfrågan: roles.0: Rollen gäller hela organisationen och har ingen enhet.",
      ],
      [
        { name: "X", email: "x@demo.test", roles: [{ role: "kung" }] },
        "invalid",
        "Ogiltig förfrågan: roles.0.role: Okänd roll.",
      ],
      [
        { name: "X", email: "x@demo.test", roles: [{ role: "handlaggare", unitId: crypto.randomUUID() }] },
        "invalid",
        "Ogiltig förfrågan: roles.0: Enheten finns inte i organisationen.",
      ],
    ];
    for (const [input, kind, error] of cases) {
      expect(await createUser(db, admin, input), JSON.stringify(input)).toMatchObject({
        ok: false,
        kind,
        error,
      });
    }
    expect(await editUser(db, admin, sara.id, { email: "admin@demo.test" })).toMatchObject({
      kind: "conflict",
    });
    expect(await editUser(db, admin, sara.id, {})).toMatchObject({ kind: "invalid" });
    expect(await editUser(db, admin, crypto.randomUUID(), { name: "X" })).toMatchObject({
      kind: "not-found",
      error: "Användaren finns inte",
    });
    expect(await editUser(db, admin, admin.id, { roles: [{ role: "granskare" }] })).toMatchObject({
      kind: "conflict",
      error: "Du kan inte ta bort din egen administratörsroll",
    });
    expect(await editUser(db, admin, admin.id, { active: false })).toMatchObject({ kind: "forbidden" });
    expect(await db.select().from(organisationEvents)).toEqual([]);
  });
});
