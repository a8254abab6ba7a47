import { commentPatchSchema } from "@/contracts/comments";
import { isUuid } from "@/contracts/common";
import { getDb } from "@/db/client";
import { removeComment, updateComment } from "@/workflow/comments";
import { jsonError, parseJsonBody, withUser, workflowResponse } from "../../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; commentId: string }> };

/** PATCH {body} edits one's own comment; {resolved} resolves or reopens a thread. */
export function PATCH(request: Request, context: Context) {
  return withUser(async (user) => {
    const { id, commentId } = await context.params;
    if (!isUuid(id) || !isUuid(commentId)) return jsonError(404, "Kommentaren finns inte");
    const body = await parseJsonBody(request, commentPatchSchema);
    if (!body.ok) return body.response;
    return workflowResponse(await updateComment(await getDb(), user, id, commentId, body.data));
  });
}

/** DELETE: removes one's own comment (a thread's first comment removes the thread). */
export function DELETE(_request: Request, context: Context) {
  return withUser(async (user) => {
    const { id, commentId } = await context.params;
    if (!isUuid(id) || !isUuid(commentId)) return jsonError(404, "Kommentaren finns inte");
    return workflowResponse(await removeComment(await getDb(), user, id, commentId));
  });
}
