import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { VERSION_NOT_FOUND, versionDetail } from "@/workflow/versions";
import { isUuid, jsonError, signOffResponse, withUser } from "../../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; versionId: string }> };

/** GET: the version's sections with their text and content hash. */
export function GET(_request: Request, context: Context) {
  return withUser(async (user) => {
    const { id, versionId } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    if (!isUuid(versionId)) return jsonError(404, VERSION_NOT_FOUND);
    return signOffResponse(await versionDetail(await getDb(), user, id, versionId));
  });
}
