import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { authorship } from "@/workflow/versions";
import { isUuid, jsonError, signOffResponse, withUser } from "../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET: for each paragraph of the current text, the users who wrote it. */
export function GET(_request: Request, context: Context) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    return signOffResponse(await authorship(await getDb(), user, id));
  });
}
