import type { Database } from "../client";
import { auditEvents } from "../schema";

export interface AuditEntry {
  organisationId: string;
  statementId?: string | null;
  actorId: string | null;
  action: string;
  sectionKey?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the audit trail; the table refuses updates and deletes. */
export async function recordAuditEvent(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    organisationId: entry.organisationId,
    statementId: entry.statementId ?? null,
    actorId: entry.actorId,
    action: entry.action,
    sectionKey: entry.sectionKey ?? null,
    details: entry.details ?? {},
  });
}
