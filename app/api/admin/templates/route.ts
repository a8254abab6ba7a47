import { mapValue } from "@/workflow/result";
import { createTemplate, listTemplatesForAdmin } from "@/workflow/templates";
import { bodyCheckedByUseCase, bodyRoute, userRoute } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/templates: every section template of the organisation, deactivated ones included. */
export const GET = userRoute(async (db, user) =>
  mapValue(await listTemplatesForAdmin(db, user), (templates) => ({ templates })),
);

/** POST /api/admin/templates: creates a template with its sections in order. */
export const POST = bodyRoute(bodyCheckedByUseCase, createTemplate, 201);
