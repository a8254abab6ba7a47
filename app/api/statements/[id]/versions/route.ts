import { namedVersionRequest } from "@/contracts/versions";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { nameVersion, versionsOf } from "@/workflow/versions";
import { isUuid, jsonError, parseJsonBody, signOffResponse, withUser } from "../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET: the statement's versions, newest first. */
export function GET(_request: Request, context: Context) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    return signOffResponse(await versionsOf(await getDb(), user, id));
  });
}

/** POST {name, note?}: names the current state as a version (201). */
export function POST(request: Request, context: Context) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    const body = await parseJsonBody(request, namedVersionRequest);
    if (!body.ok) return body.response;
    return signOffResponse(await nameVersion(await getDb(), user, id, body.data), 201);
  });
}
