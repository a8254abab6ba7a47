import { listAdministrationEvents } from "@/workflow/admin-events";
import { userRoute } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/events: the organisation's administration trail, newest first. */
export const GET = userRoute((db, user) => listAdministrationEvents(db, user));
