import { getDb } from "@/workflow/app-services";
import { startStatement, statementCreationRefusal } from "@/workflow/new-statement";
import { organisationStatements } from "@/workflow/statements";
import { json, readJsonBody, withUser, workflowResponse } from "../responses";

export const dynamic = "force-dynamic";

/** GET /api/statements: the statements of the user's organisation. */
export function GET() {
  return withUser(async (user) => json(await organisationStatements(await getDb(), user)));
}

/** POST /api/statements: starts a statement from the template in the user's organisation. */
export function POST(request: Request) {
  return withUser(async (user) => {
    const refusal = statementCreationRefusal(user);
    if (refusal) return workflowResponse(refusal);
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    return workflowResponse(await startStatement(await getDb(), user, read.body), 201);
  });
}
