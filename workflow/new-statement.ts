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
import { TJANSTEUTLATANDE_TEMPLATE } from "../domain/template";
import { fail, succeed, type WorkflowFailure, type WorkflowResult } from "./result";
import { createStatementFromTemplate } from "./template-statement";

/** Some preparing unit ids name no unit of the user's organisation (unknown, or another organisation's). */
export class UnknownPreparingUnitsError extends Error {
  constructor(readonly unitIds: string[]) {
    super(`Unknown preparing units: ${unitIds.join(", ")}`);
    this.name = "UnknownPreparingUnitsError";
  }
}

export interface NewStatementRequest {
  organisationId: string;
  createdBy: string;
  input: NewStatementInput;
  /** What an imported file brings: its signatories and each section's text (template content otherwise). */
  imported?: { signatories: Signatory[]; contentByKey: ReadonlyMap<string, readonly ContentBlock[]> };
}

const TEMPLATE_STARTING_CONTENT: ReadonlyMap<string, readonly ContentBlock[]> = new Map(
  TJANSTEUTLATANDE_TEMPLATE.flatMap((section) =>
    section.startingContent ? [[section.key, section.startingContent] as const] : [],
  ),
);

/**
 * Starts a statement from the template in the user's organisation: sections hold only the
 * template's starting content. Throws UnknownPreparingUnitsError, and stores nothing, when a
 * preparing unit is not one of the organisation's units.
 */
export async function createNewStatement(db: Database, request: NewStatementRequest): Promise<string> {
  const { input } = request;
  const found = await findOrganisationUnits(db, request.organisationId, input.preparingUnitIds);
  const foundById = new Map(found.map((unit) => [unit.id, unit]));
  const unknown = input.preparingUnitIds.filter((id) => !foundById.has(id));
  if (unknown.length > 0) throw new UnknownPreparingUnitsError(unknown);
  const { preparingUnitIds, ...metadata } = input;
  return createStatementFromTemplate(db, {
    organisationId: request.organisationId,
    createdBy: request.createdBy,
    // Who signs is decided later in the beredning; a new statement names nobody yet.
    metadata: { ...metadata, signatories: request.imported?.signatories ?? [] },
    // In the order the user gave them, which is the order the statement lists them.
    preparingUnits: preparingUnitIds.flatMap((id) => foundById.get(id) ?? []),
    contentByKey: request.imported?.contentByKey ?? TEMPLATE_STARTING_CONTENT,
  });
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
    if (!(error instanceof UnknownPreparingUnitsError)) throw error;
    return invalidInput(CHECK_FIELDS, {
      preparingUnitIds: NEW_STATEMENT_MESSAGES.preparingUnitNotInOrganisation,
    });
  }
}
