import { commentPatchSchema } from "@/contracts/comments";
import { COMMENT_NOT_FOUND, removeComment, updateComment } from "@/workflow/comments";
import { pathRoute } from "../../../../responses";

export const dynamic = "force-dynamic";

const comment = pathRoute<{ id: string; commentId: string }>(COMMENT_NOT_FOUND);

/** PATCH {body} edits one's own comment; {resolved} resolves or reopens a thread. */
export const PATCH = comment.withBody(commentPatchSchema, (db, user, { id, commentId }, body) =>
  updateComment(db, user, id, commentId, body),
);

/** DELETE: removes one's own comment (a thread's first comment removes the thread). */
export const DELETE = comment.handle((db, user, { id, commentId }) => removeComment(db, user, id, commentId));
