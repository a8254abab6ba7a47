import { editUser } from "@/workflow/admin-users";
import { USER_NOT_FOUND } from "@/workflow/sessions";
import { bodyCheckedByUseCase, pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const account = pathRoute<{ id: string }>(USER_NOT_FOUND);

/** PATCH /api/admin/users/:id: edits fields and roles, resets the password, deactivates. */
export const PATCH = account.withBody(bodyCheckedByUseCase, (db, user, { id }, body) =>
  editUser(db, user, id, body),
);
