import type { Database } from "../db/client";
import { listAdministrators, type SessionUser } from "../db/queries/users";

/** Whom a signed-in user without any role asks for access: the organisation's administratörer. */
export function administratorsToAsk(
  db: Database,
  user: SessionUser,
): Promise<{ name: string; email: string }[]> {
  return listAdministrators(db, user.organisationId);
}
