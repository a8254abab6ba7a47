import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { units } from "../schema";

export interface OrganisationUnit {
  id: string;
  name: string;
  kind: "avdelning" | "enhet";
  /** The avdelning an enhet belongs to; null for top-level units. */
  parentId: string | null;
}

const unitColumns = { id: units.id, name: units.name, kind: units.kind, parentId: units.parentId };

/** The organisation's active units: avdelningar first, then enheter, each by name. */
export async function listUnits(db: Database, organisationId: string): Promise<OrganisationUnit[]> {
  return db
    .select(unitColumns)
    .from(units)
    .where(and(eq(units.organisationId, organisationId), isNull(units.deactivatedAt)))
    .orderBy(sql`case ${units.kind} when 'avdelning' then 0 else 1 end`, asc(units.name), asc(units.id));
}

/** Those of `unitIds` that are active units of the organisation; ids of other organisations are left out. */
export async function findOrganisationUnits(
  db: Database,
  organisationId: string,
  unitIds: readonly string[],
): Promise<OrganisationUnit[]> {
  if (unitIds.length === 0) return [];
  return db
    .select(unitColumns)
    .from(units)
    .where(
      and(
        eq(units.organisationId, organisationId),
        inArray(units.id, [...unitIds]),
        isNull(units.deactivatedAt),
      ),
    );
}
