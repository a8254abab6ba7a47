import { getDb } from "@/db/client";
import { listAdministrationEvents } from "@/workflow/admin-events";
import { signOffResponse, withUser } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/events: the organisation's administration trail, newest first. */
export function GET() {
  return withUser(async (user) => signOffResponse(await listAdministrationEvents(await getDb(), user)));
}
