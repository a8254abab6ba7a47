import { getDb } from "@/db/client";
import { editUser } from "@/workflow/admin-users";
import { USER_NOT_FOUND } from "@/workflow/sessions";
import { isUuid, jsonError, readJsonBody, signOffResponse, withUser } from "../../../responses";

export const dynamic = "force-dynamic";

/** PATCH /api/admin/users/:id: edits fields and roles, resets the password, deactivates. */
export function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await params;
    if (!isUuid(id)) return jsonError(404, USER_NOT_FOUND);
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    return signOffResponse(await editUser(await getDb(), user, id, read.body));
  });
}
