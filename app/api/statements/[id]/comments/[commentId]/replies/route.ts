import { replySchema } from "@/contracts/comments";
import { COMMENT_NOT_FOUND, reply } from "@/workflow/comments";
import { pathRoute } from "../../../../../responses";

export const dynamic = "force-dynamic";

const comment = pathRoute<{ id: string; commentId: string }>(COMMENT_NOT_FOUND);

/** POST {body}: replies to a thread (201). */
export const POST = comment.withBody(
  replySchema,
  (db, user, { id, commentId }, body) => reply(db, user, id, commentId, body.body),
  201,
);
