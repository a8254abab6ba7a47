import { createUser, searchUsers } from "@/workflow/admin-users";
import { mapValue } from "@/workflow/result";
import { bodyCheckedByUseCase, bodyRoute, userRoute } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/users?q=…: the organisation's users, narrowed to names or e-mails containing q. */
export const GET = userRoute(async (db, user, request) => {
  const query = new URL(request.url).searchParams.get("q") ?? undefined;
  return mapValue(await searchUsers(db, user, query), (users) => ({ users }));
});

/** POST /api/admin/users: creates an account with its roles. */
export const POST = bodyRoute(bodyCheckedByUseCase, createUser, 201);
