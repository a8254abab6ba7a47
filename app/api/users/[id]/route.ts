import { userPatchSchema } from "@/contracts/users";
import { setUserActive, USER_NOT_FOUND } from "@/workflow/sessions";
import { pathRoute } from "../../responses";

export const dynamic = "force-dynamic";

const account = pathRoute<{ id: string }>(USER_NOT_FOUND);

/** PATCH /api/users/:id with `{"active": false | true}`: deactivates or reactivates an account. */
export const PATCH = account.withBody(userPatchSchema, (db, user, { id }, body) =>
  setUserActive(db, user, id, body.active),
);
