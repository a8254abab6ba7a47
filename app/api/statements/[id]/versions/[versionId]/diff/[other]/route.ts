import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { diffVersions, VERSION_NOT_FOUND } from "@/workflow/versions";
import { isUuid, jsonError, signOffResponse, withUser } from "../../../../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; versionId: string; other: string }> };

/** GET: per section, word by word, from the version to another one or to "current". */
export function GET(_request: Request, context: Context) {
  return withUser(async (user) => {
    const { id, versionId, other } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    if (!isUuid(versionId) || (other !== "current" && !isUuid(other)))
      return jsonError(404, VERSION_NOT_FOUND);
    return signOffResponse(await diffVersions(await getDb(), user, id, versionId, other));
  });
}
