import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { statementFor } from "@/workflow/statements";
import { pathRoute } from "../../responses";

export const dynamic = "force-dynamic";

const statement = pathRoute<{ id: string }>(STATEMENT_NOT_FOUND);

/** GET /api/statements/:id: metadata, and per section its content hash, sign-off state and approvals. */
export const GET = statement.handle((db, user, { id }) => statementFor(db, user, id));
