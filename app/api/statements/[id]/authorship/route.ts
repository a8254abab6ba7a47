import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { authorship } from "@/workflow/versions";
import { pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const statement = pathRoute<{ id: string }>(STATEMENT_NOT_FOUND);

/** GET: for each paragraph of the current text, the users who wrote it. */
export const GET = statement.handle((db, user, { id }) => authorship(db, user, id));
