import { createUnit, listUnitsForAdmin } from "@/workflow/admin-units";
import { mapValue } from "@/workflow/result";
import { bodyCheckedByUseCase, bodyRoute, userRoute } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/units: every unit of the organisation, deactivated ones included. */
export const GET = userRoute(async (db, user) =>
  mapValue(await listUnitsForAdmin(db, user), (units) => ({ units })),
);

/** POST /api/admin/units: creates an avdelning or an enhet. */
export const POST = bodyRoute(bodyCheckedByUseCase, createUnit, 201);
