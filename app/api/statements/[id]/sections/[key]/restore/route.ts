import { restoreSectionRequest } from "@/contracts/versions";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { restoreSection } from "@/workflow/versions";
import { parseJsonBody, withPathIds, workflowResponse } from "../../../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; key: string }> };

/** POST {versionId}: restores the section's text from the version, as the user's edit. */
export function POST(request: Request, context: Context) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id, key }) => {
    const body = await parseJsonBody(request, restoreSectionRequest);
    if (!body.ok) return body.response;
    return workflowResponse(await restoreSection(await getDb(), user, id, key, body.data.versionId));
  });
}
