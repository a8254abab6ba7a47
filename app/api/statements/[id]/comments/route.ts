import { newThreadSchema } from "@/contracts/comments";
import { listComments, startThread } from "@/workflow/comments";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const statement = pathRoute<{ id: string }>(STATEMENT_NOT_FOUND);

/** GET: the statement's comment threads with their replies. */
export const GET = statement.handle((db, user, { id }) => listComments(db, user, id));

/** POST {sectionKey, anchor: {start, end}, quote, body}: starts a thread on a passage (201). */
export const POST = statement.withBody(
  newThreadSchema,
  (db, user, { id }, body) => startThread(db, user, id, body),
  201,
);
