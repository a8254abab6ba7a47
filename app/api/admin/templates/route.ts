import { getDb } from "@/workflow/app-services";
import { createTemplate, listTemplatesForAdmin } from "@/workflow/templates";
import { readJsonBody, withUser, workflowResponse } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/templates: every section template of the organisation, deactivated ones included. */
export function GET() {
  return withUser(async (user) => {
    const result = await listTemplatesForAdmin(await getDb(), user);
    return workflowResponse(result.ok ? { ok: true, value: { templates: result.value } } : result);
  });
}

/** POST /api/admin/templates: creates a template with its sections in order. */
export function POST(request: Request) {
  return withUser(async (user) => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    return workflowResponse(await createTemplate(await getDb(), user, read.body), 201);
  });
}
