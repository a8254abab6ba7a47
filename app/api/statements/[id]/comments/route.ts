import { newThreadSchema } from "@/contracts/comments";
import { getDb } from "@/db/client";
import { listComments, startThread } from "@/workflow/comments";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { parseJsonBody, withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET: the statement's comment threads with their replies. */
export function GET(_request: Request, context: Context) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) =>
    workflowResponse(await listComments(await getDb(), user, id)),
  );
}

/** POST {sectionKey, anchor: {start, end}, quote, body}: starts a thread on a passage (201). */
export function POST(request: Request, context: Context) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) => {
    const body = await parseJsonBody(request, newThreadSchema);
    if (!body.ok) return body.response;
    return workflowResponse(await startThread(await getDb(), user, id, body.data), 201);
  });
}
