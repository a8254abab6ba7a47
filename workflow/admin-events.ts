import { listOrganisationEvents } from "../db/queries/organisation-events";
import { adminRead } from "./admin-access";

/** The organisation's administration trail, newest first, for administratörer only. */
export const listAdministrationEvents = adminRead(async (db, organisationId, limit?: number) => ({
  events: await listOrganisationEvents(db, organisationId, limit),
}));
