import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { OidcMapping } from "../../contracts/oidc-mappings";
import type { GroupMapping } from "../../domain/oidc";
import type { RoleGrant } from "../../domain/roles";
import type { Database } from "../client";
import { oidcGroupMappings, organisations, units } from "../schema";

const columns = {
  id: oidcGroupMappings.id,
  group: oidcGroupMappings.groupName,
  role: oidcGroupMappings.role,
  unitId: oidcGroupMappings.unitId,
  unitName: units.name,
};

/** The organisation's mappings, by group, then role, with each unit's name. */
export async function listOidcMappings(
  db: Database,
  organisationId: string,
  mappingId?: string,
): Promise<OidcMapping[]> {
  const filters = [eq(oidcGroupMappings.organisationId, organisationId)];
  if (mappingId) filters.push(eq(oidcGroupMappings.id, mappingId));
  return db
    .select(columns)
    .from(oidcGroupMappings)
    .leftJoin(units, eq(units.id, oidcGroupMappings.unitId))
    .where(and(...filters))
    .orderBy(asc(oidcGroupMappings.groupName), asc(oidcGroupMappings.role), asc(units.name));
}

export async function findOidcMapping(
  db: Database,
  organisationId: string,
  mappingId: string,
): Promise<OidcMapping | null> {
  const [mapping] = await listOidcMappings(db, organisationId, mappingId);
  return mapping ?? null;
}

/** Whether the organisation already maps the group to the grant. */
export async function oidcMappingExists(
  db: Database,
  organisationId: string,
  group: string,
  grant: RoleGrant,
): Promise<boolean> {
  const rows = await db
    .select({ id: oidcGroupMappings.id })
    .from(oidcGroupMappings)
    .where(
      and(
        eq(oidcGroupMappings.organisationId, organisationId),
        eq(oidcGroupMappings.groupName, group),
        eq(oidcGroupMappings.role, grant.role),
        grant.unitId === null ? isNull(oidcGroupMappings.unitId) : eq(oidcGroupMappings.unitId, grant.unitId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertOidcMapping(
  db: Database,
  organisationId: string,
  mapping: { group: string } & RoleGrant,
): Promise<string> {
  const [row] = await db
    .insert(oidcGroupMappings)
    .values({ organisationId, groupName: mapping.group, role: mapping.role, unitId: mapping.unitId })
    .returning({ id: oidcGroupMappings.id });
  if (!row) throw new Error("Mapping insert returned no row");
  return row.id;
}

export async function deleteOidcMapping(db: Database, mappingId: string): Promise<void> {
  await db.delete(oidcGroupMappings).where(eq(oidcGroupMappings.id, mappingId));
}

/** The organisations with a mapping of any of the groups: where a new account of those groups belongs. */
export async function organisationsMappingGroups(db: Database, groups: string[]): Promise<string[]> {
  if (groups.length === 0) return [];
  const rows = await db
    .selectDistinct({ organisationId: oidcGroupMappings.organisationId })
    .from(oidcGroupMappings)
    .where(inArray(oidcGroupMappings.groupName, groups));
  return rows.map((row) => row.organisationId);
}

/** The ids of every organisation, at most `limit`. */
export async function organisationIds(db: Database, limit: number): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(limit);
  return rows.map((row) => row.id);
}

/**
 * The organisation's mappings to active units (or to organisation roles); null when it has none at
 * all, which leaves roles to the administration.
 */
export async function activeGroupMappings(
  db: Database,
  organisationId: string,
): Promise<GroupMapping[] | null> {
  const rows = await db
    .select({
      groupName: oidcGroupMappings.groupName,
      role: oidcGroupMappings.role,
      unitId: oidcGroupMappings.unitId,
      active: sql<boolean>`${units.deactivatedAt} is null`,
    })
    .from(oidcGroupMappings)
    .leftJoin(units, eq(units.id, oidcGroupMappings.unitId))
    .where(eq(oidcGroupMappings.organisationId, organisationId))
    .orderBy(asc(oidcGroupMappings.groupName), asc(oidcGroupMappings.role));
  if (rows.length === 0) return null;
  return rows.filter((row) => row.active).map(({ active: _active, ...mapping }) => mapping);
}
