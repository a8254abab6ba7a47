import { namedVersionRequest } from "@/contracts/versions";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { nameVersion, versionsOf } from "@/workflow/versions";
import { pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const statement = pathRoute<{ id: string }>(STATEMENT_NOT_FOUND);

/** GET: the statement's versions, newest first. */
export const GET = statement.handle((db, user, { id }) => versionsOf(db, user, id));

/** POST {name, note?}: names the current state as a version (201). */
export const POST = statement.withBody(
  namedVersionRequest,
  (db, user, { id }, body) => nameVersion(db, user, id, body),
  201,
);
