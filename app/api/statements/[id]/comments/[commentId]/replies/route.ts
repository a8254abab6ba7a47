import { replySchema } from "@/contracts/comments";
import { getDb } from "@/db/client";
import { COMMENT_NOT_FOUND, reply } from "@/workflow/comments";
import { parseJsonBody, withPathIds, workflowResponse } from "../../../../../responses";

export const dynamic = "force-dynamic";

/** POST {body}: replies to a thread (201). */
export function POST(request: Request, context: { params: Promise<{ id: string; commentId: string }> }) {
  return withPathIds(context, COMMENT_NOT_FOUND, async (user, { id, commentId }) => {
    const body = await parseJsonBody(request, replySchema);
    if (!body.ok) return body.response;
    return workflowResponse(await reply(await getDb(), user, id, commentId, body.data.body), 201);
  });
}
