import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { auditTrail } from "@/workflow/statements";
import { withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** GET: the statement's append-only audit trail, oldest first. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) =>
    workflowResponse(await auditTrail(await getDb(), user, id)),
  );
}
