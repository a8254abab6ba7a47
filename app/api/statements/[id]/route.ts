import { getDb } from "@/db/client";
import { getStatementDetail } from "@/db/queries/statements";
import { canEditStatementText, canReadStatement } from "@/domain/access";
import { isUuid, json, jsonError, withUser } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/statements/:id: metadata and sections in order. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    const statement = isUuid(id) ? await getStatementDetail(await getDb(), id) : null;
    if (!statement) return jsonError(404, "Tjänsteutlåtandet finns inte");
    if (!canReadStatement(user, statement))
      return jsonError(403, "Du har inte behörighet till detta tjänsteutlåtande");
    const { organisationId: _organisation, ...visible } = statement;
    return json({ ...visible, canEditText: canEditStatementText(user, statement) });
  });
}
