import { suggestionDecisionSchema } from "@/contracts/suggestions";
import { getDb } from "@/db/client";
import { decide } from "@/workflow/suggestions";
import { isUuid, jsonError, parseJsonBody, signOffResponse, withUser } from "../../../../responses";

export const dynamic = "force-dynamic";

/** POST {decision: "accept" | "reject", reason?}: closes an open suggestion. */
export function POST(request: Request, context: { params: Promise<{ id: string; suggestionId: string }> }) {
  return withUser(async (user) => {
    const { id, suggestionId } = await context.params;
    if (!isUuid(id) || !isUuid(suggestionId)) return jsonError(404, "Förslaget finns inte");
    const body = await parseJsonBody(request, suggestionDecisionSchema);
    if (!body.ok) return body.response;
    const { decision, reason } = body.data;
    const outcome = decision === "accept" ? "accepted" : "rejected";
    const why = decision === "reject" && reason ? reason : null;
    return signOffResponse(await decide(await getDb(), user, id, suggestionId, { outcome, reason: why }));
  });
}
