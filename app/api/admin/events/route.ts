import { listAdministrationEvents } from "@/workflow/admin-events";
import { getDb } from "@/workflow/app-services";
import { withUser, workflowResponse } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/events: the organisation's administration trail, newest first. */
export function GET() {
  return withUser(async (user) => workflowResponse(await listAdministrationEvents(await getDb(), user)));
}
