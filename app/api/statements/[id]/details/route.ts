import { statementDetailsPatchSchema } from "@/contracts/statement-details";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { updateStatementDetails } from "@/workflow/statement-details";
import { pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const statement = pathRoute<{ id: string }>(STATEMENT_NOT_FOUND);

/** PATCH: changes the statement's details (Till, title, dates, handläggare, units, signatories). */
export const PATCH = statement.withBody(statementDetailsPatchSchema, (db, user, { id }, body) =>
  updateStatementDetails(db, user, id, body),
);
