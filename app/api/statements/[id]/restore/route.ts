import { restoreStatementRequest } from "@/contracts/versions";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { restoreStatement } from "@/workflow/versions";
import { parseJsonBody, withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** POST {versionId}: a chef restores every section from the version, as their own edits. */
export function POST(request: Request, context: Context) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) => {
    const body = await parseJsonBody(request, restoreStatementRequest);
    if (!body.ok) return body.response;
    return workflowResponse(await restoreStatement(await getDb(), user, id, body.data.versionId));
  });
}
