import { createUnit, listUnitsForAdmin } from "@/workflow/admin-units";
import { getDb } from "@/workflow/app-services";
import { readJsonBody, withUser, workflowResponse } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/units: every unit of the organisation, deactivated ones included. */
export function GET() {
  return withUser(async (user) => {
    const result = await listUnitsForAdmin(await getDb(), user);
    return workflowResponse(result.ok ? { ok: true, value: { units: result.value } } : result);
  });
}

/** POST /api/admin/units: creates an avdelning or an enhet. */
export function POST(request: Request) {
  return withUser(async (user) => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    return workflowResponse(await createUnit(await getDb(), user, read.body), 201);
  });
}
