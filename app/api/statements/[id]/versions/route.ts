import { namedVersionRequest } from "@/contracts/versions";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { nameVersion, versionsOf } from "@/workflow/versions";
import { parseJsonBody, withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET: the statement's versions, newest first. */
export function GET(_request: Request, context: Context) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) =>
    workflowResponse(await versionsOf(await getDb(), user, id)),
  );
}

/** POST {name, note?}: names the current state as a version (201). */
export function POST(request: Request, context: Context) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) => {
    const body = await parseJsonBody(request, namedVersionRequest);
    if (!body.ok) return body.response;
    return workflowResponse(await nameVersion(await getDb(), user, id, body.data), 201);
  });
}
