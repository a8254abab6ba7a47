import { replySchema } from "@/contracts/comments";
import { isUuid } from "@/contracts/common";
import { getDb } from "@/db/client";
import { reply } from "@/workflow/comments";
import { jsonError, parseJsonBody, withUser, workflowResponse } from "../../../../../responses";

export const dynamic = "force-dynamic";

/** POST {body}: replies to a thread (201). */
export function POST(request: Request, context: { params: Promise<{ id: string; commentId: string }> }) {
  return withUser(async (user) => {
    const { id, commentId } = await context.params;
    if (!isUuid(id) || !isUuid(commentId)) return jsonError(404, "Kommentaren finns inte");
    const body = await parseJsonBody(request, replySchema);
    if (!body.ok) return body.response;
    return workflowResponse(await reply(await getDb(), user, id, commentId, body.data.body), 201);
  });
}
