import type { Database } from "../../db/client";
import { recordAuditEvent } from "../../db/queries/audit";
import type { Logger } from "./logger";
import type { Refusal } from "./section-guard";

export interface RefusalAuditOptions {
  logger: Logger;
  /** Writes the audit event of repeated refusals; failures are logged. */
  record(refusals: Refusal[]): Promise<void>;
  /** This many refusals of one account in one statement within `windowMs` are audited. */
  threshold: number;
  windowMs: number;
}

/** Most accounts tracked at once; the oldest is forgotten beyond it, so memory stays bounded. */
const MAX_TRACKED = 10_000;

/**
 * Logs every refused update (user, statement, reason), and writes repeated refusals of one account
 * in one statement to the statement's audit trail: one event per `threshold` refusals within a
 * window, so a client that keeps trying is visible to the people who own the statement.
 */
export class RefusalAudit {
  private readonly recent = new Map<string, { at: number; refusal: Refusal }[]>();

  constructor(private readonly options: RefusalAuditOptions) {}

  note(refusal: Refusal, now = Date.now()): void {
    this.options.logger.warn("update refused", { ...refusal });
    const key = `${refusal.statementId}:${refusal.userId}`;
    const since = now - this.options.windowMs;
    const kept = (this.recent.get(key) ?? []).filter((earlier) => earlier.at >= since);
    kept.push({ at: now, refusal });
    this.recent.delete(key);
    if (kept.length < this.options.threshold) {
      this.recent.set(key, kept);
      if (this.recent.size > MAX_TRACKED) this.recent.delete(this.recent.keys().next().value as string);
      return;
    }
    this.options.record(kept.map((entry) => entry.refusal)).catch((error: unknown) =>
      this.options.logger.error("refusal audit failed", {
        statementId: refusal.statementId,
        error: String(error),
      }),
    );
  }
}

/** The audit event of repeated refusals: who, how many, and why. */
export async function recordRepeatedRefusals(db: Database, refusals: Refusal[]): Promise<void> {
  const [first] = refusals;
  if (!first) return;
  await recordAuditEvent(db, {
    organisationId: first.organisationId,
    statementId: first.statementId,
    actorId: first.userId,
    action: "update.refused",
    details: { count: refusals.length, reasons: [...new Set(refusals.map((refusal) => refusal.reason))] },
  });
}
