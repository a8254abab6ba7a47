import { getDb } from "@/workflow/app-services";
import { templateOptions } from "@/workflow/templates";
import { withUser, workflowResponse } from "../responses";

export const dynamic = "force-dynamic";

/** GET /api/templates: the active templates a new statement can be started from, the default first. */
export function GET() {
  return withUser(async (user) =>
    workflowResponse({ ok: true, value: { templates: await templateOptions(await getDb(), user) } }),
  );
}
