import { endSessionsParamsSchema } from "@/contracts/sessions";
import { getDb } from "@/workflow/app-services";
import { endUserSessions, USER_NOT_FOUND } from "@/workflow/sessions";
import { jsonError, withUser, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** DELETE /api/users/:id/sessions: ends every session of the user (`me`, or as an administratör). */
export function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const parsed = endSessionsParamsSchema.safeParse(await params);
    if (!parsed.success) return jsonError(404, USER_NOT_FOUND);
    const target = parsed.data.id === "me" ? user.id : parsed.data.id;
    return workflowResponse(await endUserSessions(await getDb(), user, target));
  });
}
