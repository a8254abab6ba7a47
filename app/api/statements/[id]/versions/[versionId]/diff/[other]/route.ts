import { isUuid } from "@/contracts/common";
import { getDb } from "@/workflow/app-services";
import { diffVersions, VERSION_NOT_FOUND } from "@/workflow/versions";
import { jsonError, withPathIds, workflowResponse } from "../../../../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; versionId: string; other: string }> };

/** GET: per section, word by word, from the version to another one or to "current". */
export function GET(_request: Request, context: Context) {
  return withPathIds(context, VERSION_NOT_FOUND, async (user, { id, versionId, other }) => {
    if (other !== "current" && !isUuid(other)) return jsonError(404, VERSION_NOT_FOUND);
    return workflowResponse(await diffVersions(await getDb(), user, id, versionId, other));
  });
}
