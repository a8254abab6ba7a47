import { getDb } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import { getStatementAccessFacts } from "@/db/queries/statements";
import { canReadStatement } from "@/domain/access";
import { isUuid, json, jsonError, withUser } from "../../../responses";

export const dynamic = "force-dynamic";

/** GET: the statement's append-only audit trail, oldest first. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    const db = await getDb();
    const facts = isUuid(id) ? await getStatementAccessFacts(db, id) : null;
    if (!facts) return jsonError(404, "Tjänsteutlåtandet finns inte");
    if (!canReadStatement(user, facts))
      return jsonError(403, "Du har inte behörighet till detta tjänsteutlåtande");
    return json({ events: await listAuditEvents(db, id) });
  });
}
