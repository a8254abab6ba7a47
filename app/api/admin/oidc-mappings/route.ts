import { getDb } from "@/workflow/app-services";
import { createGroupMapping, listGroupMappings } from "@/workflow/oidc-mappings";
import { readJsonBody, withUser, workflowResponse } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/oidc-mappings: the organisation's mappings from identity-provider groups to roles. */
export function GET() {
  return withUser(async (user) => workflowResponse(await listGroupMappings(await getDb(), user)));
}

/** POST /api/admin/oidc-mappings: maps a group to a role (in a unit, for unit roles). */
export function POST(request: Request) {
  return withUser(async (user) => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.response;
    return workflowResponse(await createGroupMapping(await getDb(), user, read.body), 201);
  });
}
