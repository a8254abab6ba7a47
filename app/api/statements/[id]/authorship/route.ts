import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { authorship } from "@/workflow/versions";
import { withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET: for each paragraph of the current text, the users who wrote it. */
export function GET(_request: Request, context: Context) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) =>
    workflowResponse(await authorship(await getDb(), user, id)),
  );
}
