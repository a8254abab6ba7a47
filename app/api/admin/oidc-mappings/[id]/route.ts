import { getDb } from "@/workflow/app-services";
import { MAPPING_NOT_FOUND, removeGroupMapping } from "@/workflow/oidc-mappings";
import { withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** DELETE /api/admin/oidc-mappings/:id: removes a mapping; its members lose the role at their next sign-in. */
export function DELETE(_request: Request, context: Context) {
  return withPathIds(context, MAPPING_NOT_FOUND, async (user, { id }) =>
    workflowResponse(await removeGroupMapping(await getDb(), user, id)),
  );
}
