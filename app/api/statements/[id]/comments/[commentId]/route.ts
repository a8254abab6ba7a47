import { commentPatchSchema } from "@/contracts/comments";
import { getDb } from "@/db/client";
import { COMMENT_NOT_FOUND, removeComment, updateComment } from "@/workflow/comments";
import { parseJsonBody, withPathIds, workflowResponse } from "../../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; commentId: string }> };

/** PATCH {body} edits one's own comment; {resolved} resolves or reopens a thread. */
export function PATCH(request: Request, context: Context) {
  return withPathIds(context, COMMENT_NOT_FOUND, async (user, { id, commentId }) => {
    const body = await parseJsonBody(request, commentPatchSchema);
    if (!body.ok) return body.response;
    return workflowResponse(await updateComment(await getDb(), user, id, commentId, body.data));
  });
}

/** DELETE: removes one's own comment (a thread's first comment removes the thread). */
export function DELETE(_request: Request, context: Context) {
  return withPathIds(context, COMMENT_NOT_FOUND, async (user, { id, commentId }) =>
    workflowResponse(await removeComment(await getDb(), user, id, commentId)),
  );
}
