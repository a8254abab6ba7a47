import { getDb } from "@/db/client";
import { changeUnit, removeUnit, UNIT_NOT_FOUND } from "@/workflow/admin-units";
import { isUuid, jsonError, readJsonBody, signOffResponse, withUser } from "../../../responses";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** PATCH /api/admin/units/:id: renames, moves, deactivates or reactivates a unit. */
export function PATCH(request: Request, { params }: Params) {
  return withUser(async (user) => {
    const { id } = await params;
    if (!isUuid(id)) return jsonError(404, UNIT_NOT_FOUND);
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    return signOffResponse(await changeUnit(await getDb(), user, id, read.body));
  });
}

/** DELETE /api/admin/units/:id: deletes a unit nothing refers to. */
export function DELETE(_request: Request, { params }: Params) {
  return withUser(async (user) => {
    const { id } = await params;
    if (!isUuid(id)) return jsonError(404, UNIT_NOT_FOUND);
    return signOffResponse(await removeUnit(await getDb(), user, id));
  });
}
