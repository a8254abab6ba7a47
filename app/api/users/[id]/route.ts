import { userPatchSchema } from "@/contracts/users";
import { getDb } from "@/db/client";
import { setUserActive, USER_NOT_FOUND } from "@/workflow/sessions";
import { parseJsonBody, withPathIds, workflowResponse } from "../../responses";

export const dynamic = "force-dynamic";

/** PATCH /api/users/:id with `{"active": false | true}`: deactivates or reactivates an account. */
export function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  return withPathIds(context, USER_NOT_FOUND, async (user, { id }) => {
    const body = await parseJsonBody(request, userPatchSchema);
    if (!body.ok) return body.response;
    return workflowResponse(await setUserActive(await getDb(), user, id, body.data.active));
  });
}
