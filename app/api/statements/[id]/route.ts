import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { statementFor } from "@/workflow/statements";
import { withPathIds, workflowResponse } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/statements/:id: metadata, and per section its content hash, sign-off state and approvals. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) =>
    workflowResponse(await statementFor(await getDb(), user, id)),
  );
}
