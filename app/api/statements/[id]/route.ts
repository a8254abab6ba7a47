import { isUuid } from "@/contracts/common";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { statementFor } from "@/workflow/statements";
import { jsonError, withUser, workflowResponse } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/statements/:id: metadata, and per section its content hash, sign-off state and approvals. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    return workflowResponse(await statementFor(await getDb(), user, id));
  });
}
