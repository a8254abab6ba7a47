import { asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { auditEvents, users } from "../schema";

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
  await db.insert(auditEvents).values({ ...entry, details: entry.details ?? {} });
}

export interface AuditView {
  id: number;
  action: string;
  sectionKey: string | null;
  actor: { id: string; name: string } | null;
  details: Record<string, unknown>;
  at: string;
}

/** A statement's audit trail, oldest first. */
export async function listAuditEvents(db: Database, statementId: string): Promise<AuditView[]> {
  const rows = await db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.statementId, statementId))
    .orderBy(asc(auditEvents.id));
  return rows.map(({ event, actorName }) => ({
    id: event.id,
    action: event.action,
    sectionKey: event.sectionKey,
    actor: event.actorId ? { id: event.actorId, name: actorName ?? "" } : null,
    details: event.details,
    at: event.createdAt.toISOString(),
  }));
}
