import { editUser } from "@/workflow/admin-users";
import { getDb } from "@/workflow/app-services";
import { USER_NOT_FOUND } from "@/workflow/sessions";
import { readJsonBody, withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** PATCH /api/admin/users/:id: edits fields and roles, resets the password, deactivates. */
export function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  return withPathIds(context, USER_NOT_FOUND, async (user, { id }) => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    return workflowResponse(await editUser(await getDb(), user, id, read.body));
  });
}
