import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import type { Database } from "../../db/client";
import { getStatementDetail } from "../../db/queries/statements";
import { listUnits } from "../../db/queries/units";
import { auditEvents, organisations, statements, units, users } from "../../db/schema";
import { STANDARD_OPENING_PROPOSAL, TJANSTEUTLATANDE_TEMPLATE } from "../../domain/template";
import { fragmentPlainText } from "../../editor/section-content";
import { loadDocument } from "../../server/collab/document-store";
import { createNewStatement, UnknownPreparingUnitsError } from "../../workflow/new-statement";
import { createTestDatabase, type TestDatabase } from "../support/database";

/* What the query layer stores and refuses, in an organisation of the test's own. */
let database: TestDatabase;
let db: Database;
let organisationId: string;
let creatorId: string;
let unitIds: { avdelning: string; bou: string; eb: string; foreign: string };

async function insertOrganisation(name: string): Promise<string> {
  const [row] = await db.insert(organisations).values({ name }).returning({ id: organisations.id });
  if (!row) throw new Error("Organisation insert returned no row");
  return row.id;
}

async function insertUnit(
  organisation: string,
  name: string,
  kind: "avdelning" | "enhet",
  parentId: string | null = null,
): Promise<string> {
  const [row] = await db
    .insert(units)
    .values({ organisationId: organisation, name, kind, parentId })
    .returning({ id: units.id });
  if (!row) throw new Error("Unit insert returned no row");
  return row.id;
}

const request = (preparingUnitIds: string[]) => ({
  organisationId,
  createdBy: creatorId,
  input: {
    recipient: "Hässelby-Vällingby stadsdelsnämnd",
    title: "Remiss om parkering",
    diarienummer: "1.5-77/2024",
    remissSender: "Trafiknämnden",
    deadline: "2024-09-01",
    extendedDeadline: null,
    preparingUnitIds,
  },
});

const statementCount = async () => (await db.select({ id: statements.id }).from(statements)).length;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.connection.db;
  organisationId = await insertOrganisation("Förvaltningen");
  const foreignOrganisation = await insertOrganisation("En annan förvaltning");
  // The enheter are inserted out of name order, so the listing has to sort them.
  const avdelning = await insertUnit(organisationId, "Socialtjänstavdelningen", "avdelning");
  unitIds = {
    avdelning,
    eb: await insertUnit(organisationId, "Enheten för ekonomiskt bistånd", "enhet", avdelning),
    bou: await insertUnit(organisationId, "Barn- och ungdomsenheten", "enhet", avdelning),
    foreign: await insertUnit(foreignOrganisation, "Främmande enheten", "enhet"),
  };
  const [creator] = await db
    .insert(users)
    .values({ organisationId, email: "skapare@test.test", name: "Skapare" })
    .returning({ id: users.id });
  if (!creator) throw new Error("User insert returned no row");
  creatorId = creator.id;
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

describe("listUnits", () => {
  it("lists the organisation's own units, avdelningar before enheter, by name", async () => {
    expect(await listUnits(db, organisationId)).toEqual([
      { id: unitIds.avdelning, name: "Socialtjänstavdelningen", kind: "avdelning", parentId: null },
      {
        id: unitIds.bou,
        name: "Barn- och ungdomsenheten",
        kind: "enhet",
        parentId: unitIds.avdelning,
      },
      {
        id: unitIds.eb,
        name: "Enheten för ekonomiskt bistånd",
        kind: "enhet",
        parentId: unitIds.avdelning,
      },
    ]);
  });
});

describe("createNewStatement", () => {
  it("stores the template's sections, owned by the preparing units, with only the opening proposal filled in", async () => {
    const id = await createNewStatement(db, request([unitIds.avdelning, unitIds.eb, unitIds.bou]));
    const detail = await getStatementDetail(db, id);
    expect(detail).toMatchObject({
      organisationId,
      title: "Remiss om parkering",
      recipient: "Hässelby-Vällingby stadsdelsnämnd",
      diarienummer: "1.5-77/2024",
      remissSender: "Trafiknämnden",
      deadline: "2024-09-01",
      extendedDeadline: null,
      status: "draft",
      signatories: [],
      preparingUnits: [
        { id: unitIds.avdelning, name: "Socialtjänstavdelningen" },
        { id: unitIds.eb, name: "Enheten för ekonomiskt bistånd" },
        { id: unitIds.bou, name: "Barn- och ungdomsenheten" },
      ],
    });
    expect(detail?.sections.map((section) => section.title)).toEqual(
      TJANSTEUTLATANDE_TEMPLATE.map((section) => section.title),
    );
    const yttrande = detail?.sections.find((section) => section.key === "forvaltningens-yttrande");
    expect(yttrande?.owners.map((owner) => owner.id).sort()).toEqual([unitIds.bou, unitIds.eb].sort());
    const bakgrund = detail?.sections.find((section) => section.key === "bakgrund");
    expect(bakgrund?.owners).toEqual([{ id: unitIds.avdelning, name: "Socialtjänstavdelningen" }]);

    const doc = await loadDocument(db, id);
    const opening = doc.getXmlFragment("forslag-till-beslut");
    expect(opening.toArray().map((node) => (node as Y.XmlElement).nodeName)).toEqual(["orderedList"]);
    expect(fragmentPlainText(opening)).toBe(STANDARD_OPENING_PROPOSAL);
    for (const section of TJANSTEUTLATANDE_TEMPLATE.filter((s) => s.key !== "forslag-till-beslut")) {
      expect(fragmentPlainText(doc.getXmlFragment(section.key)), section.key).toBe("");
    }

    const audit = await db.select().from(auditEvents).where(eq(auditEvents.statementId, id));
    expect(audit).toMatchObject([{ action: "statement.created", actorId: creatorId, organisationId }]);
  });

  it("refuses units of another organisation and unknown units, and stores nothing", async () => {
    const before = await statementCount();
    const unknownUnit = "9a3c1f7e-2b4d-4e6f-8a1b-3c5d7e9f1a2b";
    const refusal = await createNewStatement(db, request([unitIds.bou, unitIds.foreign, unknownUnit])).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(UnknownPreparingUnitsError);
    expect((refusal as UnknownPreparingUnitsError).unitIds).toEqual([unitIds.foreign, unknownUnit]);
    expect(await statementCount()).toBe(before);
  });
});
