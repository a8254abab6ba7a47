import { suggestionDecisionSchema } from "@/contracts/suggestions";
import { decide, SUGGESTION_NOT_FOUND } from "@/workflow/suggestions";
import { pathRoute } from "../../../../responses";

export const dynamic = "force-dynamic";

const suggestion = pathRoute<{ id: string; suggestionId: string }>(SUGGESTION_NOT_FOUND);

/** POST {decision: "accept" | "reject", reason?}: closes an open suggestion. */
export const POST = suggestion.withBody(suggestionDecisionSchema, (db, user, { id, suggestionId }, body) => {
  const outcome = body.decision === "accept" ? "accepted" : "rejected";
  const reason = body.decision === "reject" && body.reason ? body.reason : null;
  return decide(db, user, id, suggestionId, { outcome, reason });
});
