import { createUser, searchUsers } from "@/workflow/admin-users";
import { getDb } from "@/workflow/app-services";
import { readJsonBody, withUser, workflowResponse } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/users?q=…: the organisation's users, narrowed to names or e-mails containing q. */
export function GET(request: Request) {
  return withUser(async (user) => {
    const query = new URL(request.url).searchParams.get("q") ?? undefined;
    const result = await searchUsers(await getDb(), user, query);
    return workflowResponse(result.ok ? { ok: true, value: { users: result.value } } : result);
  });
}

/** POST /api/admin/users: creates an account with its roles. */
export function POST(request: Request) {
  return withUser(async (user) => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    return workflowResponse(await createUser(await getDb(), user, read.body), 201);
  });
}
