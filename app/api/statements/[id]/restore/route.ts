import { restoreStatementRequest } from "@/contracts/versions";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { restoreStatement } from "@/workflow/versions";
import { pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const statement = pathRoute<{ id: string }>(STATEMENT_NOT_FOUND);

/** POST {versionId}: a chef restores every section from the version, as their own edits. */
export const POST = statement.withBody(restoreStatementRequest, (db, user, { id }, body) =>
  restoreStatement(db, user, id, body.versionId),
);
