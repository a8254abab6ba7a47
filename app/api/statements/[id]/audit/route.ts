import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { auditTrail } from "@/workflow/statements";
import { pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const statement = pathRoute<{ id: string }>(STATEMENT_NOT_FOUND);

/** GET: the statement's append-only audit trail, oldest first. */
export const GET = statement.handle((db, user, { id }) => auditTrail(db, user, id));
