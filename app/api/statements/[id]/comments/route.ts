import { newThreadSchema } from "@/contracts/comments";
import { isUuid } from "@/contracts/common";
import { getDb } from "@/db/client";
import { listComments, startThread } from "@/workflow/comments";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { jsonError, parseJsonBody, withUser, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET: the statement's comment threads with their replies. */
export function GET(_request: Request, context: Context) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    return workflowResponse(await listComments(await getDb(), user, id));
  });
}

/** POST {sectionKey, anchor: {start, end}, quote, body}: starts a thread on a passage (201). */
export function POST(request: Request, context: Context) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    const body = await parseJsonBody(request, newThreadSchema);
    if (!body.ok) return body.response;
    return workflowResponse(await startThread(await getDb(), user, id, body.data), 201);
  });
}
