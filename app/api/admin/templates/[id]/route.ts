import { getDb } from "@/workflow/app-services";
import { changeTemplate, removeTemplate, TEMPLATE_NOT_FOUND, templateForAdmin } from "@/workflow/templates";
import { readJsonBody, withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/admin/templates/:id: the template with its sections. */
export function GET(_request: Request, context: Context) {
  return withPathIds(context, TEMPLATE_NOT_FOUND, async (user, { id }) =>
    workflowResponse(await templateForAdmin(await getDb(), user, id)),
  );
}

/** PATCH /api/admin/templates/:id: renames, replaces the sections, deactivates or reactivates. */
export function PATCH(request: Request, context: Context) {
  return withPathIds(context, TEMPLATE_NOT_FOUND, async (user, { id }) => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    return workflowResponse(await changeTemplate(await getDb(), user, id, read.body));
  });
}

/** DELETE /api/admin/templates/:id: deletes a template no statement was started from. */
export function DELETE(_request: Request, context: Context) {
  return withPathIds(context, TEMPLATE_NOT_FOUND, async (user, { id }) =>
    workflowResponse(await removeTemplate(await getDb(), user, id)),
  );
}
