import type { OrganisationEvent } from "../contracts/admin";
import type { Database } from "../db/client";
import { listOrganisationEvents } from "../db/queries/organisation-events";
import type { SessionUser } from "../db/queries/users";
import { adminOnly } from "./admin-access";
import type { WorkflowResult } from "./result";

/** The organisation's administration trail, newest first, for administratörer only. */
export async function listAdministrationEvents(
  db: Database,
  actor: SessionUser,
  limit?: number,
): Promise<WorkflowResult<{ events: OrganisationEvent[] }>> {
  return (
    adminOnly(actor) ?? {
      ok: true,
      value: { events: await listOrganisationEvents(db, actor.organisationId, limit) },
    }
  );
}
