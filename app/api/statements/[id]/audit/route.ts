import { isUuid } from "@/contracts/common";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { auditTrail } from "@/workflow/statements";
import { jsonError, withUser, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** GET: the statement's append-only audit trail, oldest first. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    return workflowResponse(await auditTrail(await getDb(), user, id));
  });
}
