import { and, asc, eq, sql } from "drizzle-orm";
import type { AdminUnit } from "../../contracts/admin";
import type { Database } from "../client";
import {
  oidcGroupMappings,
  sectionApprovalRequirements,
  sectionApprovals,
  sectionOwners,
  sectionTemplateApprovals,
  sectionTemplateOwners,
  statementPreparingUnits,
  units,
  userRoles,
} from "../schema";

const columns = {
  id: units.id,
  name: units.name,
  kind: units.kind,
  parentId: units.parentId,
  deactivatedAt: units.deactivatedAt,
};

type UnitRow = {
  id: string;
  name: string;
  kind: "avdelning" | "enhet";
  parentId: string | null;
  deactivatedAt: Date | null;
};

function toAdminUnit({ deactivatedAt, ...unit }: UnitRow): AdminUnit {
  return { ...unit, active: deactivatedAt === null };
}

/** Every unit of the organisation, deactivated ones included: avdelningar first, each by name. */
export async function listAdminUnits(db: Database, organisationId: string): Promise<AdminUnit[]> {
  const rows = await db
    .select(columns)
    .from(units)
    .where(eq(units.organisationId, organisationId))
    .orderBy(sql`case ${units.kind} when 'avdelning' then 0 else 1 end`, asc(units.name), asc(units.id));
  return rows.map(toAdminUnit);
}

export async function findAdminUnit(
  db: Database,
  organisationId: string,
  unitId: string,
): Promise<AdminUnit | null> {
  const [row] = await db
    .select(columns)
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.id, unitId)));
  return row ? toAdminUnit(row) : null;
}

export async function unitNameTaken(db: Database, organisationId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), sql`lower(${units.name}) = lower(${name})`));
  return row !== undefined && row.id !== exceptId;
}

export async function insertUnit(
  db: Database,
  values: { organisationId: string; name: string; kind: "avdelning" | "enhet"; parentId: string | null },
): Promise<AdminUnit> {
  const [row] = await db.insert(units).values(values).returning(columns);
  if (!row) throw new Error("Unit insert returned no row");
  return toAdminUnit(row);
}

export async function updateUnit(
  db: Database,
  unitId: string,
  change: { name?: string; parentId?: string | null; active?: boolean },
): Promise<AdminUnit> {
  const [row] = await db
    .update(units)
    .set({
      ...(change.name !== undefined && { name: change.name }),
      ...(change.parentId !== undefined && { parentId: change.parentId }),
      ...(change.active !== undefined && { deactivatedAt: change.active ? null : sql`now()` }),
    })
    .where(eq(units.id, unitId))
    .returning(columns);
  if (!row) throw new Error("Unit update returned no row");
  return toAdminUnit(row);
}

/** Whether anything refers to the unit: statements, sections, approvals, templates, roles, group mappings or child units. */
export async function unitInUse(db: Database, unitId: string): Promise<boolean> {
  const references = [
    db.select({ n: sql`1` }).from(statementPreparingUnits).where(eq(statementPreparingUnits.unitId, unitId)),
    db.select({ n: sql`1` }).from(sectionOwners).where(eq(sectionOwners.unitId, unitId)),
    db
      .select({ n: sql`1` })
      .from(sectionApprovalRequirements)
      .where(eq(sectionApprovalRequirements.unitId, unitId)),
    db.select({ n: sql`1` }).from(sectionApprovals).where(eq(sectionApprovals.unitId, unitId)),
    db.select({ n: sql`1` }).from(sectionTemplateOwners).where(eq(sectionTemplateOwners.unitId, unitId)),
    db
      .select({ n: sql`1` })
      .from(sectionTemplateApprovals)
      .where(eq(sectionTemplateApprovals.unitId, unitId)),
    db.select({ n: sql`1` }).from(userRoles).where(eq(userRoles.unitId, unitId)),
    db.select({ n: sql`1` }).from(oidcGroupMappings).where(eq(oidcGroupMappings.unitId, unitId)),
    db.select({ n: sql`1` }).from(units).where(eq(units.parentId, unitId)),
  ];
  for (const query of references) {
    if ((await query.limit(1)).length > 0) return true;
  }
  return false;
}

export async function deleteUnit(db: Database, unitId: string): Promise<void> {
  await db.delete(units).where(eq(units.id, unitId));
}
