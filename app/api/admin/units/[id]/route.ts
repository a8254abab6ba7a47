import { changeUnit, removeUnit, UNIT_NOT_FOUND } from "@/workflow/admin-units";
import { bodyCheckedByUseCase, pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const unit = pathRoute<{ id: string }>(UNIT_NOT_FOUND);

/** PATCH /api/admin/units/:id: renames, moves, deactivates or reactivates a unit. */
export const PATCH = unit.withBody(bodyCheckedByUseCase, (db, user, { id }, body) =>
  changeUnit(db, user, id, body),
);

/** DELETE /api/admin/units/:id: deletes a unit nothing refers to. */
export const DELETE = unit.handle((db, user, { id }) => removeUnit(db, user, id));
