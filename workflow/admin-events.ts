import type { OrganisationEvent } from "../contracts/admin";
import type { Database } from "../db/client";
import { listOrganisationEvents } from "../db/queries/organisation-events";
import type { SessionUser } from "../db/queries/users";
import { adminOnly } from "./admin-access";
import type { WorkflowResult } from "./result";

export async function listAdministrationEvents(
  db: Database,
  actor: SessionUser,
): Promise<WorkflowResult<{ events: OrganisationEvent[] }>> {
  return (
    adminOnly(actor) ?? {
      ok: true,
      value: { events: await listOrganisationEvents(db, actor.organisationId) },
    }
  );
}
