import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { getStatementDetail } from "../../db/queries/statements";
import { listUnits } from "../../db/queries/units";
import { loadSessionUser, type SessionUser } from "../../db/queries/users";
import { statements, users } from "../../db/schema";
import { TJANSTEUTLATANDE_TEMPLATE } from "../../domain/template";
import { listAdministrationEvents } from "../../workflow/admin-events";
import { createUnit, removeUnit } from "../../workflow/admin-units";
import { startStatement } from "../../workflow/new-statement";
import {
  changeTemplate,
  createTemplate,
  listTemplatesForAdmin,
  removeTemplate,
  TEMPLATE_IN_USE,
  TEMPLATE_NAME_TAKEN,
  TEMPLATE_NOT_FOUND,
  templateForAdmin,
  templateOptions,
} from "../../workflow/templates";
import { createTestDatabase, type TestDatabase } from "../support/database";

/* The section templates' use cases, as /api/admin/templates and /api/templates call them, on the demo organisation. */
let database: TestDatabase;
let db: Database;
let admin: SessionUser;
let handlaggare: SessionUser;
let unit: { avdelning: string; bou: string; eb: string };

async function sessionUser(email: string): Promise<SessionUser> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const user = row ? await loadSessionUser(db, row.id) : null;
  if (!user) throw new Error(`No user ${email}`);
  return user;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** A template with an avdelning section and a section owned by a named enhet, approved by the avdelning too. */
function bidragTemplate(name = "Yttrande om bidrag") {
  return {
    name,
    description: "Ett yttrande om föreningsbidrag.",
    sections: [
      {
        key: "beslut",
        title: "Förslag till beslut",
        guidance: "Skriv besluten som att-satser.",
        ownership: "avdelning",
        approvals: [{ role: "avdelningschef" }],
      },
      {
        key: "bedomning",
        title: "Bedömning av ansökan",
        guidance: "Bedöm ansökan mot riktlinjerna.",
        ownership: "units",
        ownerUnitIds: [unit.eb],
        approvals: [
          { role: "enhetschef", unitId: null },
          { role: "avdelningschef", unitId: unit.avdelning },
        ],
      },
    ],
  };
}

async function startFrom(templateId: string | undefined, title = "Bidrag till Vällingby IF") {
  return startStatement(db, handlaggare, {
    templateId,
    recipient: "Hässelby-Vällingby stadsdelsnämnd",
    title,
    preparingUnitIds: [unit.bou],
  });
}

/** What a statement's sections hold: keys, titles, guidance, owners and approvals by unit id. */
async function statementSections(statementId: string) {
  const detail = await getStatementDetail(db, statementId);
  return (detail?.sections ?? []).map((section) => ({
    key: section.key,
    title: section.title,
    guidance: section.guidance,
    owners: section.owners.map((owner) => owner.id),
    approvals: section.requiredApprovals.map(({ role, unit }) => ({ role, unitId: unit?.id ?? null })),
  }));
}

beforeEach(async () => {
  database = await createTestDatabase();
  db = database.connection.db;
  admin = await sessionUser("admin@demo.test");
  handlaggare = await sessionUser("handlaggare.bou@demo.test");
  const byName = new Map((await listUnits(db, admin.organisationId)).map((u) => [u.name, u.id]));
  unit = {
    avdelning: byName.get("Socialtjänstavdelningen") ?? "",
    bou: byName.get("Barn- och ungdomsenheten") ?? "",
    eb: byName.get("Enheten för ekonomiskt bistånd") ?? "",
  };
});

afterEach(() => database.drop());

describe("section templates: the defaults", () => {
  it("gives the demo organisation Remissvar, today's tjänsteutlåtande, and a second template", async () => {
    const templates = value(await listTemplatesForAdmin(db, admin));
    expect(templates.map(({ name, active, inUse }) => ({ name, active, inUse }))).toEqual([
      { name: "Remissvar", active: true, inUse: false },
      { name: "Tjänsteutlåtande på eget initiativ", active: true, inUse: false },
    ]);
    const remissvar = templates[0];
    expect(remissvar?.sections.map(({ key, title, guidance }) => ({ key, title, guidance }))).toEqual(
      TJANSTEUTLATANDE_TEMPLATE.map(({ key, title, guidance }) => ({ key, title, guidance })),
    );
    expect(remissvar?.sections.find((section) => section.key === "forvaltningens-yttrande")).toMatchObject({
      ownership: "enheter",
      ownerUnitIds: [],
      approvals: [{ role: "enhetschef", unitId: null }],
    });
    expect(remissvar?.sections[0]?.startingContent).toEqual(TJANSTEUTLATANDE_TEMPLATE[0]?.startingContent);
    // Everyone who starts statements sees the active templates, the default first.
    expect((await templateOptions(db, handlaggare)).map((option) => option.name)).toEqual([
      "Remissvar",
      "Tjänsteutlåtande på eget initiativ",
    ]);
  });

  it("starts a statement from the first active template when none is named", async () => {
    const id = value(await startFrom(undefined)).id;
    const sections = await statementSections(id);
    expect(sections.map((section) => section.key)).toEqual(TJANSTEUTLATANDE_TEMPLATE.map(({ key }) => key));
    expect(sections[1]?.guidance).toBe(TJANSTEUTLATANDE_TEMPLATE[1]?.guidance);
  });
});

describe("section templates: permissions", () => {
  it("refuses every administration use case to anyone but an administratör with 403", async () => {
    const someTemplate = (await templateOptions(db, handlaggare))[0]?.id ?? "";
    const refusals = [
      await listTemplatesForAdmin(db, handlaggare),
      await createTemplate(db, handlaggare, bidragTemplate()),
      await templateForAdmin(db, handlaggare, someTemplate),
      await changeTemplate(db, handlaggare, someTemplate, { name: "X" }),
      await changeTemplate(db, handlaggare, someTemplate, { active: false }),
      await removeTemplate(db, handlaggare, someTemplate),
    ];
    for (const result of refusals) {
      expect(result).toMatchObject({
        ok: false,
        kind: "forbidden",
        error: "Bara en administratör har tillgång till administrationen",
      });
    }
    expect(value(await templateForAdmin(db, admin, someTemplate)).name).toBe("Remissvar");
  });
});

describe("section templates: the administration", () => {
  it("creates, reads, edits, deactivates, reactivates and deletes a template, each in the trail", async () => {
    const created = value(await createTemplate(db, admin, bidragTemplate(" Yttrande om bidrag ")));
    expect(created).toMatchObject({
      name: "Yttrande om bidrag",
      description: "Ett yttrande om föreningsbidrag.",
      active: true,
      inUse: false,
    });
    expect(created.sections[1]).toEqual({
      key: "bedomning",
      title: "Bedömning av ansökan",
      guidance: "Bedöm ansökan mot riktlinjerna.",
      ownership: "units",
      ownerUnitIds: [unit.eb],
      approvals: [
        { role: "enhetschef", unitId: null },
        { role: "avdelningschef", unitId: unit.avdelning },
      ],
      startingContent: null,
    });
    expect(value(await templateForAdmin(db, admin, created.id))).toEqual(created);

    const reordered = value(
      await changeTemplate(db, admin, created.id, {
        name: "Bidragsyttrande",
        sections: [bidragTemplate().sections[1], { ...bidragTemplate().sections[0], title: "Beslut" }],
      }),
    );
    expect(reordered.name).toBe("Bidragsyttrande");
    expect(reordered.sections.map(({ key, title }) => `${key}:${title}`)).toEqual([
      "bedomning:Bedömning av ansökan",
      "beslut:Beslut",
    ]);
    expect(value(await changeTemplate(db, admin, created.id, { active: false })).active).toBe(false);
    expect((await templateOptions(db, handlaggare)).map((option) => option.id)).not.toContain(created.id);
    expect(value(await changeTemplate(db, admin, created.id, { active: true })).active).toBe(true);
    expect((await templateOptions(db, handlaggare)).map((option) => option.id)).toContain(created.id);
    expect(value(await removeTemplate(db, admin, created.id))).toEqual({ deleted: true });
    expect(await templateForAdmin(db, admin, created.id)).toMatchObject({
      kind: "not-found",
      error: TEMPLATE_NOT_FOUND,
    });

    const trail = value(await listAdministrationEvents(db, admin)).events;
    expect(trail.map(({ action, targetKind, targetId }) => ({ action, targetKind, targetId }))).toEqual([
      { action: "template.deleted", targetKind: "template", targetId: created.id },
      { action: "template.updated", targetKind: "template", targetId: created.id },
      { action: "template.updated", targetKind: "template", targetId: created.id },
      { action: "template.updated", targetKind: "template", targetId: created.id },
      { action: "template.created", targetKind: "template", targetId: created.id },
    ]);
    expect(trail[3]?.details).toMatchObject({
      before: { name: "Yttrande om bidrag", sections: ["beslut", "bedomning"] },
      change: { name: "Bidragsyttrande", sections: ["bedomning", "beslut"] },
    });
    expect(trail[0]?.actorName).toBe("Kim Andersson");
  });

  it("refuses invalid templates with 400, naming the problem", async () => {
    const good = bidragTemplate();
    const [first, second] = good.sections;
    const cases: [unknown, string][] = [
      [{ ...good, name: " " }, "Ogiltig förfrågan: name: Ange ett namn."],
      [{ ...good, sections: [] }, "Ogiltig förfrågan: sections: En mall behöver minst ett avsnitt."],
      [
        { ...good, sections: [{ ...first, key: "Förslag Till" }] },
        "Ogiltig förfrågan: sections.0.key: Nyckeln får bara ha a–z, 0–9 och bindestreck mellan dem.",
      ],
      [
        { ...good, sections: [{ ...first, title: "" }] },
        "Ogiltig förfrågan: sections.0.title: Ange en rubrik.",
      ],
      [
        { ...good, sections: [{ ...first, ownership: "alla" }] },
        "Ogiltig förfrågan: sections.0.ownership: Välj vem som äger avsnittet.",
      ],
      [
        { ...good, sections: [{ ...first, approvals: [{ role: "handlaggare" }] }] },
        "Ogiltig förfrågan: sections.0.approvals.0.role: Välj enhetschef, avdelningschef eller stadsdelsdirektör.",
      ],
      [
        { ...good, sections: [{ ...second, ownerUnitIds: [] }] },
        "Ogiltig förfrågan: avsnittet bedomning: välj minst en ägande enhet",
      ],
      [
        { ...good, sections: [{ ...first, approvals: [{ role: "stadsdelsdirektor", unitId: unit.bou }] }] },
        "Ogiltig förfrågan: avsnittet beslut: stadsdelsdirektören godkänner utan enhet",
      ],
      [
        { ...good, sections: [{ ...second, ownerUnitIds: [crypto.randomUUID()] }] },
        "Ogiltig förfrågan: en vald enhet finns inte i förvaltningen",
      ],
      [{ ...good, colour: "röd" }, 'Ogiltig förfrågan: Unrecognized key: "colour"'],
    ];
    for (const [input, error] of cases) {
      expect(await createTemplate(db, admin, input), error).toMatchObject({ kind: "invalid", error });
    }
    const remissvar = (await templateOptions(db, handlaggare))[0]?.id ?? "";
    expect(await changeTemplate(db, admin, remissvar, {})).toMatchObject({ kind: "invalid" });
    expect(await changeTemplate(db, admin, remissvar, { sections: [] })).toMatchObject({ kind: "invalid" });
    expect(await changeTemplate(db, admin, remissvar, { active: "nej" })).toMatchObject({ kind: "invalid" });
    expect(value(await listTemplatesForAdmin(db, admin))).toHaveLength(2);
  });

  it("answers 404 for an unknown template, and refuses it to a new statement", async () => {
    const unknown = crypto.randomUUID();
    for (const result of [
      await templateForAdmin(db, admin, unknown),
      await changeTemplate(db, admin, unknown, { name: "X" }),
      await removeTemplate(db, admin, unknown),
    ]) {
      expect(result).toMatchObject({ kind: "not-found", error: TEMPLATE_NOT_FOUND });
    }
    expect(await startFrom(unknown)).toMatchObject({
      kind: "invalid",
      details: { fieldErrors: { templateId: expect.stringContaining("Välj en annan mall") } },
    });
  });

  it("refuses a taken name, a key used twice and deleting a used template with 409", async () => {
    const created = value(await createTemplate(db, admin, bidragTemplate()));
    expect(await createTemplate(db, admin, bidragTemplate("REMISSVAR"))).toMatchObject({
      kind: "conflict",
      error: TEMPLATE_NAME_TAKEN,
    });
    expect(await changeTemplate(db, admin, created.id, { name: "remissvar" })).toMatchObject({
      kind: "conflict",
      error: TEMPLATE_NAME_TAKEN,
    });
    const [first, second] = bidragTemplate().sections;
    const clash = [first, { ...second, key: "beslut" }];
    expect(await createTemplate(db, admin, { name: "Dubbel", sections: clash })).toMatchObject({
      kind: "conflict",
      error: "Nyckeln beslut används av flera avsnitt i mallen",
    });
    expect(await changeTemplate(db, admin, created.id, { sections: clash })).toMatchObject({
      kind: "conflict",
    });

    value(await startFrom(created.id));
    expect(await removeTemplate(db, admin, created.id)).toMatchObject({
      kind: "conflict",
      error: TEMPLATE_IN_USE,
    });
    expect(value(await templateForAdmin(db, admin, created.id)).inUse).toBe(true);
    // A used template can be deactivated instead, after which no new statement starts from it.
    value(await changeTemplate(db, admin, created.id, { active: false }));
    expect(await startFrom(created.id)).toMatchObject({
      kind: "invalid",
      details: { fieldErrors: { templateId: expect.stringContaining("avaktiverad") } },
    });
    // A unit only a template names can be deactivated, not deleted.
    const fritid = value(
      await createUnit(db, admin, { name: "Fritid", kind: "enhet", parentId: unit.avdelning }),
    );
    const owned = { ...second, ownerUnitIds: [fritid.id] };
    value(await createTemplate(db, admin, { name: "Fritid", sections: [owned] }));
    expect(await removeUnit(db, admin, fritid.id)).toMatchObject({ kind: "conflict" });
  });
});

describe("section templates: statements copy them", () => {
  it("gives a new statement the template's sections, which a later edit of the template leaves alone", async () => {
    const template = value(await createTemplate(db, admin, bidragTemplate()));
    const statementId = value(await startFrom(template.id)).id;
    const [row] = await db
      .select({ templateId: statements.templateId })
      .from(statements)
      .where(eq(statements.id, statementId));
    expect(row?.templateId).toBe(template.id);
    const copied = [
      {
        key: "beslut",
        title: "Förslag till beslut",
        guidance: "Skriv besluten som att-satser.",
        owners: [unit.avdelning],
        approvals: [{ role: "avdelningschef", unitId: unit.avdelning }],
      },
      {
        key: "bedomning",
        title: "Bedömning av ansökan",
        guidance: "Bedöm ansökan mot riktlinjerna.",
        owners: [unit.eb],
        // Listed by unit name.
        approvals: [
          { role: "enhetschef", unitId: unit.eb },
          { role: "avdelningschef", unitId: unit.avdelning },
        ],
      },
    ];
    expect(await statementSections(statementId)).toEqual(copied);

    value(
      await changeTemplate(db, admin, template.id, {
        name: "Nytt namn",
        sections: [
          { key: "ny", title: "Ett nytt avsnitt", ownership: "enheter", approvals: [{ role: "enhetschef" }] },
        ],
      }),
    );
    value(await changeTemplate(db, admin, template.id, { active: false }));
    expect(await statementSections(statementId)).toEqual(copied);

    value(await changeTemplate(db, admin, template.id, { active: true }));
    const later = value(await startFrom(template.id, "Bidrag till Hässelby SK")).id;
    expect(await statementSections(later)).toEqual([
      {
        key: "ny",
        title: "Ett nytt avsnitt",
        guidance: null,
        owners: [unit.bou],
        approvals: [{ role: "enhetschef", unitId: unit.bou }],
      },
    ]);
  });
});
