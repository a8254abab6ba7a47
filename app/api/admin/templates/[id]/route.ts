import { changeTemplate, removeTemplate, TEMPLATE_NOT_FOUND, templateForAdmin } from "@/workflow/templates";
import { bodyCheckedByUseCase, pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const template = pathRoute<{ id: string }>(TEMPLATE_NOT_FOUND);

/** GET /api/admin/templates/:id: the template with its sections. */
export const GET = template.handle((db, user, { id }) => templateForAdmin(db, user, id));

/** PATCH /api/admin/templates/:id: renames, replaces the sections, deactivates or reactivates. */
export const PATCH = template.withBody(bodyCheckedByUseCase, (db, user, { id }, body) =>
  changeTemplate(db, user, id, body),
);

/** DELETE /api/admin/templates/:id: deletes a template no statement was started from. */
export const DELETE = template.handle((db, user, { id }) => removeTemplate(db, user, id));
