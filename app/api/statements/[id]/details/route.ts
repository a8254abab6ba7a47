import { statementDetailsPatchSchema } from "@/contracts/statement-details";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { updateStatementDetails } from "@/workflow/statement-details";
import { parseJsonBody, withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** PATCH: changes the statement's details (Till, title, dates, handläggare, units, signatories). */
export function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) => {
    const parsed = await parseJsonBody(request, statementDetailsPatchSchema);
    if (!parsed.ok) return parsed.response;
    return workflowResponse(await updateStatementDetails(await getDb(), user, id, parsed.data));
  });
}
