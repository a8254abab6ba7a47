import { isUuid } from "@/contracts/common";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { finalise } from "@/workflow/sign-off";
import { jsonError, withUser, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** POST: finalise (justera) the statement; 409 lists the sections not approved. */
export function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    return workflowResponse(await finalise(await getDb(), user, id));
  });
}
