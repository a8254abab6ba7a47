import type { Database } from "../db/client";
import { createStatement } from "../db/queries/statements";
import type { ContentBlock, StatementMetadata } from "../domain/content";
import { type PlanningUnit, planSections } from "../domain/section-plan";
import { type TemplateSection, TJANSTEUTLATANDE_TEMPLATE } from "../domain/template";
import { encodeInitialDocument } from "../editor/section-content";

export interface TemplateStatementInput {
  organisationId: string;
  createdBy: string | null;
  metadata: Omit<StatementMetadata, "preparingUnits">;
  /** Units of the statement's organisation, in the order they are listed on the statement. */
  preparingUnits: PlanningUnit[];
  /** Each section's starting text, by section key; sections without an entry start empty. */
  contentByKey: ReadonlyMap<string, readonly ContentBlock[]>;
  /** The stored template the sections are copied from; the built-in tjänsteutlåtande when not given. */
  template?: { id: string; sections: readonly TemplateSection[] };
}

/**
 * Stores a statement laid out by a template: its sections are copied, with owners and approvals
 * from the template and the preparing units, and each section's text becomes its Y.XmlFragment in
 * the initial document. Both importing and starting a new statement go through here.
 */
export async function createStatementFromTemplate(
  db: Database,
  input: TemplateStatementInput,
): Promise<string> {
  const planned = planSections(input.template?.sections ?? TJANSTEUTLATANDE_TEMPLATE, input.preparingUnits);
  return createStatement(db, {
    organisationId: input.organisationId,
    templateId: input.template?.id ?? null,
    createdBy: input.createdBy,
    ...input.metadata,
    preparingUnitIds: input.preparingUnits.map((unit) => unit.id),
    sections: planned,
    initialDocument: encodeInitialDocument(
      planned.map((section) => ({
        key: section.key,
        blocks: [...(input.contentByKey.get(section.key) ?? [])],
      })),
    ),
  });
}
