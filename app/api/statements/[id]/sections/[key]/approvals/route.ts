import { approvalRequestSchema, revocationRequestSchema } from "@/contracts/sign-off";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { approve, revoke } from "@/workflow/sign-off";
import { parseJsonBody, withPathIds, workflowResponse } from "../../../../../responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; key: string }> };

/** POST: approve the section's content as displayed (201), 403 wrong role, 409 content changed. */
export function POST(request: Request, context: Context) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id, key }) => {
    const body = await parseJsonBody(request, approvalRequestSchema);
    if (!body.ok) return body.response;
    return workflowResponse(await approve(await getDb(), user, id, key, body.data.contentHash), 201);
  });
}

/** DELETE: revoke one's own approval of the section, with an optional reason. */
export function DELETE(request: Request, context: Context) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id, key }) => {
    const body = await parseJsonBody(request, revocationRequestSchema);
    if (!body.ok) return body.response;
    return workflowResponse(await revoke(await getDb(), user, id, key, body.data?.reason || null));
  });
}
