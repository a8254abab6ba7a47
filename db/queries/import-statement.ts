import { eq } from "drizzle-orm";
import type { StatementDocument } from "../../domain/content";
import { planSections } from "../../domain/section-plan";
import { TJANSTEUTLATANDE_TEMPLATE } from "../../domain/template";
import { encodeInitialDocument } from "../../editor/section-content";
import type { Database } from "../client";
import { units } from "../schema";
import { createStatement } from "./statements";

export interface ImportStatementInput {
  organisationId: string;
  createdBy: string | null;
  document: StatementDocument;
}

const normalisedName = (name: string) => name.trim().toLocaleLowerCase("sv");

/**
 * Stores an imported statement: preparing units are matched by name to the organisation's units,
 * sections get owners and approvals from the template, and each section's text becomes its
 * Y.XmlFragment in the initial document.
 */
export async function importStatement(db: Database, input: ImportStatementInput): Promise<string> {
  const organisationUnits = await db
    .select()
    .from(units)
    .where(eq(units.organisationId, input.organisationId));
  const byName = new Map(organisationUnits.map((unit) => [normalisedName(unit.name), unit]));
  const preparingUnits = input.document.preparingUnits.flatMap(
    (name) => byName.get(normalisedName(name)) ?? [],
  );
  const planned = planSections(TJANSTEUTLATANDE_TEMPLATE, preparingUnits);
  const contentByKey = new Map(input.document.sections.map((section) => [section.key, section.blocks]));
  const { document } = input;
  return createStatement(db, {
    organisationId: input.organisationId,
    createdBy: input.createdBy,
    recipient: document.recipient,
    title: document.title,
    diarienummer: document.diarienummer,
    remissSender: document.remissSender,
    deadline: document.deadline,
    extendedDeadline: document.extendedDeadline,
    preparingUnitIds: preparingUnits.map((unit) => unit.id),
    signatories: document.signatories,
    sections: planned,
    initialDocument: encodeInitialDocument(
      planned.map((section) => ({ key: section.key, blocks: contentByKey.get(section.key) ?? [] })),
    ),
  });
}
