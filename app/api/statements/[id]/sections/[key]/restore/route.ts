import { restoreSectionRequest } from "@/contracts/versions";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { restoreSection } from "@/workflow/versions";
import { isUuid, jsonError, parseJsonBody, signOffResponse, withUser } from "../../../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; key: string }> };

/** POST {versionId}: restores the section's text from the version, as the user's edit. */
export function POST(request: Request, context: Context) {
  return withUser(async (user) => {
    const { id, key } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    const body = await parseJsonBody(request, restoreSectionRequest);
    if (!body.ok) return body.response;
    return signOffResponse(await restoreSection(await getDb(), user, id, key, body.data.versionId));
  });
}
