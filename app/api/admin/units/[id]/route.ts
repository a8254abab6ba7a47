import { changeUnit, removeUnit, UNIT_NOT_FOUND } from "@/workflow/admin-units";
import { getDb } from "@/workflow/app-services";
import { readJsonBody, withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** PATCH /api/admin/units/:id: renames, moves, deactivates or reactivates a unit. */
export function PATCH(request: Request, context: Context) {
  return withPathIds(context, UNIT_NOT_FOUND, async (user, { id }) => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    return workflowResponse(await changeUnit(await getDb(), user, id, read.body));
  });
}

/** DELETE /api/admin/units/:id: deletes a unit nothing refers to. */
export function DELETE(_request: Request, context: Context) {
  return withPathIds(context, UNIT_NOT_FOUND, async (user, { id }) =>
    workflowResponse(await removeUnit(await getDb(), user, id)),
  );
}
