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
import {
  type Administered,
  adminChange,
  adminRead,
  adminRemoval,
  adminRequest,
  recordAdminEvent,
} from "./admin-access";
import { fail, succeed, type WorkflowResult } from "./result";

export const UNIT_NOT_FOUND = "Enheten finns inte";
export const UNIT_NAME_TAKEN = "Det finns redan en enhet med det namnet";
export const UNIT_IN_USE = "Enheten används och kan inte tas bort, bara avaktiveras";

export const listUnitsForAdmin = adminRead(listAdminUnits);

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

/** Creates an avdelning or an enhet; a name the organisation already uses is a 409. */
export const createUnit = adminRequest(
  unitCreateSchema,
  async (db, actor, { name, kind, parentId }): Promise<WorkflowResult<AdminUnit>> => {
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
    return succeed(unit);
  },
);

const UNIT: Administered<AdminUnit> = { find: findAdminUnit, notFound: UNIT_NOT_FOUND };

/** Renames, moves (an enhet to another avdelning), deactivates or reactivates a unit. */
export const changeUnit = adminChange(
  { ...UNIT, schema: unitPatchSchema },
  async (db, actor, unit, change): Promise<WorkflowResult<AdminUnit>> => {
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
    return succeed(updated);
  },
);

/** Deletes a unit nothing refers to; one in use can only be deactivated (409). */
export const removeUnit = adminRemoval({
  ...UNIT,
  targetKind: "unit",
  refusal: async (db, unit) => ((await unitInUse(db, unit.id)) ? UNIT_IN_USE : null),
  remove: deleteUnit,
  logged: ({ name, kind, parentId }) => ({ name, kind, parentId }),
});
