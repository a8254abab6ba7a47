import { isUuid } from "@/contracts/common";
import { getDb } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import { readableStatement, STATEMENT_NOT_FOUND } from "@/workflow/result";
import { json, jsonError, signOffResponse, withUser } from "../../../responses";

export const dynamic = "force-dynamic";

/** GET: the statement's append-only audit trail, oldest first. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withUser(async (user) => {
    const { id } = await context.params;
    const db = await getDb();
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    const readable = await readableStatement(db, user, id);
    if (!readable.ok) return signOffResponse(readable);
    return json({ events: await listAuditEvents(db, id) });
  });
}
