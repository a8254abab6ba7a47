import { type AdminUnit, unitCreateSchema, unitPatchSchema } from "../contracts/admin";
import type { Database } from "../db/client";
import {
  deleteUnit,
  findAdminUnit,
  insertUnit,
  listAdminUnits,
  unitInUse,
  unitNameTaken,
  updateUnit,
} from "../db/queries/admin-units";
import type { SessionUser } from "../db/queries/users";
import { parentProblem } from "../domain/admin";
import { adminInput, adminOnly, nothingToChange, recordAdminEvent } from "./admin-access";
import { fail, type WorkflowResult } from "./result";

export const UNIT_NOT_FOUND = "Enheten finns inte";
export const UNIT_NAME_TAKEN = "Det finns redan en enhet med det namnet";
export const UNIT_IN_USE = "Enheten används och kan inte tas bort, bara avaktiveras";

export async function listUnitsForAdmin(
  db: Database,
  actor: SessionUser,
): Promise<WorkflowResult<AdminUnit[]>> {
  return adminOnly(actor) ?? { ok: true, value: await listAdminUnits(db, actor.organisationId) };
}

async function parentCheck(
  db: Database,
  actor: SessionUser,
  kind: AdminUnit["kind"],
  parentId: string | null,
) {
  const parent = parentId ? await findAdminUnit(db, actor.organisationId, parentId) : null;
  const problem = parentProblem(kind, parent, parentId !== null);
  return problem ? fail("invalid", problem) : null;
}

export async function createUnit(
  db: Database,
  actor: SessionUser,
  input: unknown,
): Promise<WorkflowResult<AdminUnit>> {
  const body = adminInput(actor, unitCreateSchema, input);
  if (!body.ok) return body;
  const { name, kind, parentId } = body.data;
  const problem = await parentCheck(db, actor, kind, parentId);
  if (problem) return problem;
  if (await unitNameTaken(db, actor.organisationId, name)) return fail("conflict", UNIT_NAME_TAKEN);
  const unit = await insertUnit(db, { organisationId: actor.organisationId, name, kind, parentId });
  await recordAdminEvent(db, actor, {
    action: "unit.created",
    targetKind: "unit",
    targetId: unit.id,
    details: { name, kind, parentId },
  });
  return { ok: true, value: unit };
}

/** Renames, moves (an enhet to another avdelning), deactivates or reactivates a unit. */
export async function changeUnit(
  db: Database,
  actor: SessionUser,
  unitId: string,
  input: unknown,
): Promise<WorkflowResult<AdminUnit>> {
  const body = adminInput(actor, unitPatchSchema, input);
  if (!body.ok) return body;
  const change = body.data;
  const empty = nothingToChange(change);
  if (empty) return empty;
  const unit = await findAdminUnit(db, actor.organisationId, unitId);
  if (!unit) return fail("not-found", UNIT_NOT_FOUND);
  if (change.parentId !== undefined) {
    const problem = await parentCheck(db, actor, unit.kind, change.parentId);
    if (problem) return problem;
  }
  if (change.name !== undefined && (await unitNameTaken(db, actor.organisationId, change.name, unit.id))) {
    return fail("conflict", UNIT_NAME_TAKEN);
  }
  const updated = await updateUnit(db, unit.id, change);
  await recordAdminEvent(db, actor, {
    action: "unit.updated",
    targetKind: "unit",
    targetId: unit.id,
    details: { before: { name: unit.name, parentId: unit.parentId, active: unit.active }, change },
  });
  return { ok: true, value: updated };
}

/** Deletes a unit nothing refers to; one in use can only be deactivated (409). */
export async function removeUnit(
  db: Database,
  actor: SessionUser,
  unitId: string,
): Promise<WorkflowResult<{ deleted: true }>> {
  const denied = adminOnly(actor);
  if (denied) return denied;
  const unit = await findAdminUnit(db, actor.organisationId, unitId);
  if (!unit) return fail("not-found", UNIT_NOT_FOUND);
  if (await unitInUse(db, unit.id)) return fail("conflict", UNIT_IN_USE);
  await deleteUnit(db, unit.id);
  await recordAdminEvent(db, actor, {
    action: "unit.deleted",
    targetKind: "unit",
    targetId: unit.id,
    details: { name: unit.name, kind: unit.kind, parentId: unit.parentId },
  });
  return { ok: true, value: { deleted: true } };
}
