import { desc, eq } from "drizzle-orm";
import type { OrganisationEvent } from "../../contracts/admin";
import type { Database } from "../client";
import { organisationEvents, users } from "../schema";
import { pickColumns } from "./columns";

export interface OrganisationEventEntry {
  organisationId: string;
  actorId: string | null;
  action: string;
  targetKind: "unit" | "user" | "oidc-mapping" | "template";
  targetId: string;
  details?: Record<string, unknown>;
}

export async function recordOrganisationEvent(db: Database, entry: OrganisationEventEntry): Promise<void> {
  await db.insert(organisationEvents).values({ ...entry, details: entry.details ?? {} });
}

/** The organisation's latest administration events, newest first, with the actor's name. */
export async function listOrganisationEvents(
  db: Database,
  organisationId: string,
  limit = 200,
): Promise<OrganisationEvent[]> {
  const rows = await db
    .select({
      ...pickColumns(organisationEvents, ["id", "action", "targetKind", "targetId", "details", "createdAt"]),
      actorName: users.name,
    })
    .from(organisationEvents)
    .leftJoin(users, eq(users.id, organisationEvents.actorId))
    .where(eq(organisationEvents.organisationId, organisationId))
    .orderBy(desc(organisationEvents.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
