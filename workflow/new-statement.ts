import type { Database } from "../db/client";
import { findOrganisationUnits } from "../db/queries/units";
import type { SessionUser } from "../db/queries/users";
import { canCreateStatement } from "../domain/access";
import type { ContentBlock, Signatory } from "../domain/content";
import {
  describeNewStatementProblems,
  NEW_STATEMENT_MESSAGES,
  type NewStatementFieldErrors,
  type NewStatementInput,
  newStatementSchema,
} from "../domain/new-statement";
import type { TemplateSection } from "../domain/template";
import { fail, succeed, type WorkflowFailure, type WorkflowResult } from "./result";
import { createStatementFromTemplate } from "./template-statement";
import { statementTemplate } from "./templates";

/** Some preparing unit ids name no unit of the user's organisation (unknown, or another organisation's). */
export class UnknownPreparingUnitsError extends Error {
  constructor(readonly unitIds: string[]) {
    super(`Unknown preparing units: ${unitIds.join(", ")}`);
    this.name = "UnknownPreparingUnitsError";
  }
}

/** The template named is not an active template of the organisation, or none is active. */
export class UnavailableTemplateError extends Error {
  constructor(readonly templateId: string | null) {
    super(`No active template ${templateId ?? "at all"}`);
    this.name = "UnavailableTemplateError";
  }
}

export interface NewStatementRequest {
  organisationId: string;
  createdBy: string;
  /** Without `templateId`, the statement starts from the organisation's first active template. */
  input: Omit<NewStatementInput, "templateId"> & { templateId?: string | null };
  /** What an imported file brings: its signatories and each section's text (template content otherwise). */
  imported?: { signatories: Signatory[]; contentByKey: ReadonlyMap<string, readonly ContentBlock[]> };
}

/**
 * Starts a statement from a template of the user's organisation, whose sections it copies: they
 * hold only the template's starting content. Throws UnknownPreparingUnitsError or
 * UnavailableTemplateError, and stores nothing, when a preparing unit is not one of the
 * organisation's units or the template is not one of its active templates.
 */
export async function createNewStatement(db: Database, request: NewStatementRequest): Promise<string> {
  const { input } = request;
  const found = await findOrganisationUnits(db, request.organisationId, input.preparingUnitIds);
  const foundById = new Map(found.map((unit) => [unit.id, unit]));
  const unknown = input.preparingUnitIds.filter((id) => !foundById.has(id));
  if (unknown.length > 0) throw new UnknownPreparingUnitsError(unknown);
  const template = await statementTemplate(db, request.organisationId, input.templateId ?? null);
  if (!template) throw new UnavailableTemplateError(input.templateId ?? null);
  const { preparingUnitIds, templateId: _templateId, ...metadata } = input;
  return createStatementFromTemplate(db, {
    organisationId: request.organisationId,
    createdBy: request.createdBy,
    // Who signs is decided later in the beredning; a new statement names nobody yet.
    metadata: { ...metadata, signatories: request.imported?.signatories ?? [] },
    // In the order the user gave them, which is the order the statement lists them.
    preparingUnits: preparingUnitIds.flatMap((id) => foundById.get(id) ?? []),
    contentByKey: request.imported?.contentByKey ?? startingContent(template.sections),
    template,
  });
}

function startingContent(sections: readonly TemplateSection[]): ReadonlyMap<string, readonly ContentBlock[]> {
  return new Map(
    sections.flatMap((section) =>
      section.startingContent ? [[section.key, section.startingContent] as const] : [],
    ),
  );
}

const CHECK_FIELDS = "Kontrollera de markerade uppgifterna";

function invalidInput(error: string, fieldErrors: NewStatementFieldErrors): WorkflowFailure {
  return fail("invalid", error, { fieldErrors });
}

/** Why the user may not start statements at all, or null when they may. */
export function statementCreationRefusal(user: SessionUser): WorkflowFailure | null {
  return canCreateStatement(user)
    ? null
    : fail("forbidden", "Du har inte behörighet att skapa tjänsteutlåtanden");
}

/**
 * Starts a statement from the user's raw input, with what an imported file brings if any; invalid
 * fields come back one Swedish message each.
 */
export async function startStatement(
  db: Database,
  user: SessionUser,
  body: unknown,
  imported?: NewStatementRequest["imported"],
): Promise<WorkflowResult<{ id: string }>> {
  const refusal = statementCreationRefusal(user);
  if (refusal) return refusal;
  const parsed = newStatementSchema.safeParse(body);
  if (!parsed.success) {
    const { formError, fieldErrors } = describeNewStatementProblems(parsed.error);
    return invalidInput(formError ?? CHECK_FIELDS, fieldErrors);
  }
  try {
    const request = { organisationId: user.organisationId, createdBy: user.id, input: parsed.data, imported };
    return succeed({ id: await createNewStatement(db, request) });
  } catch (error) {
    if (error instanceof UnavailableTemplateError) {
      return error.templateId === null
        ? invalidInput(NEW_STATEMENT_MESSAGES.noActiveTemplate, {})
        : invalidInput(CHECK_FIELDS, { templateId: NEW_STATEMENT_MESSAGES.templateNotActive });
    }
    if (!(error instanceof UnknownPreparingUnitsError)) throw error;
    return invalidInput(CHECK_FIELDS, {
      preparingUnitIds: NEW_STATEMENT_MESSAGES.preparingUnitNotInOrganisation,
    });
  }
}
