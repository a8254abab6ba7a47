import { getDb } from "@/db/client";
import { VERSION_NOT_FOUND, versionDetail } from "@/workflow/versions";
import { withPathIds, workflowResponse } from "../../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; versionId: string }> };

/** GET: the version's sections with their text and content hash. */
export function GET(_request: Request, context: Context) {
  return withPathIds(context, VERSION_NOT_FOUND, async (user, { id, versionId }) =>
    workflowResponse(await versionDetail(await getDb(), user, id, versionId)),
  );
}
