import { getDb } from "@/db/client";
import { loadStatementWorkflow } from "@/workflow/statement-workflow";
import { isUuid, json, jsonError, withUser } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/statements/:id: metadata, and per section its content hash, sign-off state and approvals. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, "Tjänsteutlåtandet finns inte");
    const lookup = await loadStatementWorkflow(await getDb(), user, id);
    if (!lookup.found) {
      return lookup.status === 404
        ? jsonError(404, "Tjänsteutlåtandet finns inte")
        : jsonError(403, "Du har inte behörighet till detta tjänsteutlåtande");
    }
    return json(lookup.workflow);
  });
}
