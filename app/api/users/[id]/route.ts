import { userPatchSchema } from "@/contracts/users";
import { getDb } from "@/db/client";
import { setUserActive, USER_NOT_FOUND } from "@/workflow/sessions";
import { isUuid, jsonError, parseJsonBody, signOffResponse, withUser } from "../../responses";

export const dynamic = "force-dynamic";

/** PATCH /api/users/:id with `{"active": false | true}`: deactivates or reactivates an account. */
export function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await params;
    if (!isUuid(id)) return jsonError(404, USER_NOT_FOUND);
    const body = await parseJsonBody(request, userPatchSchema);
    if (!body.ok) return body.response;
    return signOffResponse(await setUserActive(await getDb(), user, id, body.data.active));
  });
}
