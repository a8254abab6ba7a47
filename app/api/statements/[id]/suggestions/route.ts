import { newSuggestionSchema } from "@/contracts/suggestions";
import { getDb } from "@/db/client";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { startSuggestion } from "@/workflow/suggestions";
import { isUuid, jsonError, parseJsonBody, signOffResponse, withUser } from "../../../responses";

export const dynamic = "force-dynamic";

/** POST {sectionKey, anchor, quote, proposedText, body?}: proposes replacing a passage (201). */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    const body = await parseJsonBody(request, newSuggestionSchema);
    if (!body.ok) return body.response;
    return signOffResponse(await startSuggestion(await getDb(), user, id, body.data), 201);
  });
}
