import { getDb } from "@/db/client";
import { listStatements } from "@/db/queries/statements";
import { canCreateStatement } from "@/domain/access";
import {
  describeNewStatementProblems,
  NEW_STATEMENT_MESSAGES,
  type NewStatementFieldErrors,
  newStatementSchema,
} from "@/domain/new-statement";
import { createNewStatement, UnknownPreparingUnitsError } from "@/workflow/new-statement";
import { json, jsonError, readJsonBody, withUser } from "../responses";

export const dynamic = "force-dynamic";

/** GET /api/statements: the statements of the user's organisation. */
export function GET() {
  return withUser(async (user) => {
    const statements = await listStatements(await getDb(), user.organisationId);
    return json({
      statements: statements.map(
        ({ id, title, diarienummer, status, recipient, deadline, extendedDeadline }) => ({
          id,
          title,
          diarienummer,
          status,
          recipient,
          deadline,
          extendedDeadline,
        }),
      ),
    });
  });
}

const CHECK_FIELDS = "Kontrollera de markerade uppgifterna";

function invalidInput(error: string, fieldErrors: NewStatementFieldErrors) {
  return json({ error, fieldErrors }, 400);
}

/** POST /api/statements: starts a statement from the template in the user's organisation. */
export function POST(request: Request) {
  return withUser(async (user) => {
    if (!canCreateStatement(user))
      return jsonError(403, "Du har inte behörighet att skapa tjänsteutlåtanden");
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    const parsed = newStatementSchema.safeParse(read.body);
    if (!parsed.success) {
      const { formError, fieldErrors } = describeNewStatementProblems(parsed.error);
      return invalidInput(formError ?? CHECK_FIELDS, fieldErrors);
    }
    try {
      const id = await createNewStatement(await getDb(), {
        organisationId: user.organisationId,
        createdBy: user.id,
        input: parsed.data,
      });
      return json({ id }, 201);
    } catch (error) {
      if (error instanceof UnknownPreparingUnitsError) {
        return invalidInput(CHECK_FIELDS, {
          preparingUnitIds: NEW_STATEMENT_MESSAGES.preparingUnitNotInOrganisation,
        });
      }
      throw error;
    }
  });
}
