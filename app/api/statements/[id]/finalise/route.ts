import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { finalise } from "@/workflow/sign-off";
import { withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** POST: finalise (justera) the statement; 409 lists the sections not approved. */
export function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) =>
    workflowResponse(await finalise(await getDb(), user, id)),
  );
}
