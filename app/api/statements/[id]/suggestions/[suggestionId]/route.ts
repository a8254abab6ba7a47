import { suggestionDecisionSchema } from "@/contracts/suggestions";
import { getDb } from "@/db/client";
import { decide, SUGGESTION_NOT_FOUND } from "@/workflow/suggestions";
import { parseJsonBody, withPathIds, workflowResponse } from "../../../../responses";

export const dynamic = "force-dynamic";

/** POST {decision: "accept" | "reject", reason?}: closes an open suggestion. */
export function POST(request: Request, context: { params: Promise<{ id: string; suggestionId: string }> }) {
  return withPathIds(context, SUGGESTION_NOT_FOUND, async (user, { id, suggestionId }) => {
    const body = await parseJsonBody(request, suggestionDecisionSchema);
    if (!body.ok) return body.response;
    const { decision, reason } = body.data;
    const outcome = decision === "accept" ? "accepted" : "rejected";
    const why = decision === "reject" && reason ? reason : null;
    return workflowResponse(await decide(await getDb(), user, id, suggestionId, { outcome, reason: why }));
  });
}
