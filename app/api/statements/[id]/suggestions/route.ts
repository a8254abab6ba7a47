import { newSuggestionSchema } from "@/contracts/suggestions";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { startSuggestion } from "@/workflow/suggestions";
import { parseJsonBody, withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** POST {sectionKey, anchor, quote, proposedText, body?}: proposes replacing a passage (201). */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) => {
    const body = await parseJsonBody(request, newSuggestionSchema);
    if (!body.ok) return body.response;
    return workflowResponse(await startSuggestion(await getDb(), user, id, body.data), 201);
  });
}
