import { isUuid } from "@/contracts/common";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND, statementUnavailable } from "@/workflow/result";
import { loadStatementWorkflow } from "@/workflow/statement-workflow";
import { json, jsonError, signOffResponse, withUser } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/statements/:id: metadata, and per section its content hash, sign-off state and approvals. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    const lookup = await loadStatementWorkflow(await getDb(), user, id);
    if (!lookup.found) return signOffResponse(statementUnavailable(lookup.status));
    return json(lookup.workflow);
  });
}
