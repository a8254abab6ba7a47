import { statementDetailsPatchSchema } from "@/contracts/statement-details";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { updateStatementDetails } from "@/workflow/statement-details";
import { isUuid, jsonError, parseJsonBody, signOffResponse, withUser } from "../../../responses";

export const dynamic = "force-dynamic";

/** PATCH: changes the statement's details (Till, title, dates, handläggare, units, signatories). */
export function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    const parsed = await parseJsonBody(request, statementDetailsPatchSchema);
    if (!parsed.ok) return parsed.response;
    return signOffResponse(await updateStatementDetails(await getDb(), user, id, parsed.data));
  });
}
