import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { finalise } from "@/workflow/sign-off";
import { pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const statement = pathRoute<{ id: string }>(STATEMENT_NOT_FOUND);

/** POST: finalise (justera) the statement; 409 lists the sections not approved. */
export const POST = statement.handle((db, user, { id }) => finalise(db, user, id));
