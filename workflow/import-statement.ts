import type { Database } from "../db/client";
import { listUnits } from "../db/queries/units";
import type { StatementDocument } from "../domain/content";
import { createStatementFromTemplate } from "./template-statement";

export interface ImportStatementInput {
  organisationId: string;
  createdBy: string | null;
  document: StatementDocument;
}

const normalisedName = (name: string) => name.trim().toLocaleLowerCase("sv");

/**
 * Stores an imported statement: preparing units are matched by name to the organisation's units,
 * and every section keeps the text it was imported with.
 */
export async function importStatement(db: Database, input: ImportStatementInput): Promise<string> {
  const organisationUnits = await listUnits(db, input.organisationId);
  const byName = new Map(organisationUnits.map((unit) => [normalisedName(unit.name), unit]));
  const { preparingUnits: preparingUnitNames, sections, ...metadata } = input.document;
  return createStatementFromTemplate(db, {
    organisationId: input.organisationId,
    createdBy: input.createdBy,
    metadata,
    preparingUnits: preparingUnitNames.flatMap((name) => byName.get(normalisedName(name)) ?? []),
    contentByKey: new Map(sections.map((section) => [section.key, section.blocks])),
  });
}
