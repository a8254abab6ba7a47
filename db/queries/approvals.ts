import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Requirement } from "../../domain/signoff";
import type { Database } from "../client";
import { sectionApprovalRequirements, sectionApprovals, sections, statements, units, users } from "../schema";
import { recordAuditEvent } from "./audit";

/** The statement was finalised (justerad) before the change could be written: approvals are final. */
export class StatementFinalisedError extends Error {
  constructor(readonly statementId: string) {
    super(`Statement ${statementId} is finalised`);
    this.name = "StatementFinalisedError";
  }
}

/**
 * The statement's status, read with its row locked until the transaction ends. Approvals and
 * revocations lock it FOR SHARE and finalisation FOR UPDATE, so a finalisation either committed
 * before such a read, or waits for that transaction and then sees its change.
 */
export async function lockedStatementStatus(
  tx: Database,
  statementId: string,
  lock: "share" | "update",
): Promise<(typeof statements.$inferSelect)["status"] | null> {
  const [row] = await tx
    .select({ status: statements.status })
    .from(statements)
    .where(eq(statements.id, statementId))
    .for(lock);
  return row?.status ?? null;
}

/** Holds the statement row until the transaction ends, and refuses a finalised statement. */
async function lockDraftStatement(tx: Database, statementId: string): Promise<void> {
  if ((await lockedStatementStatus(tx, statementId, "share")) !== "draft")
    throw new StatementFinalisedError(statementId);
}

export interface SectionRequirements {
  sectionId: string;
  key: string;
  title: string;
  requirements: Requirement[];
}

/** An approval requirement and its unit's name: the query left-joins units on the requirement's unit. */
export const requirementColumns = {
  requirementId: sectionApprovalRequirements.id,
  role: sectionApprovalRequirements.role,
  unitId: sectionApprovalRequirements.unitId,
  unitName: units.name,
};

export async function loadSectionRequirements(
  db: Database,
  statementId: string,
): Promise<SectionRequirements[]> {
  const rows = await db
    .select({
      sectionId: sections.id,
      key: sections.key,
      title: sections.title,
      ...requirementColumns,
    })
    .from(sections)
    .leftJoin(sectionApprovalRequirements, eq(sectionApprovalRequirements.sectionId, sections.id))
    .leftJoin(units, eq(units.id, sectionApprovalRequirements.unitId))
    .where(eq(sections.statementId, statementId))
    .orderBy(asc(sections.position), asc(units.name));
  const bySection = new Map<string, SectionRequirements>();
  for (const row of rows) {
    let section = bySection.get(row.sectionId);
    if (!section) {
      section = { sectionId: row.sectionId, key: row.key, title: row.title, requirements: [] };
      bySection.set(row.sectionId, section);
    }
    if (row.requirementId && row.role) {
      section.requirements.push({
        id: row.requirementId,
        role: row.role,
        unitId: row.unitId,
        unitName: row.unitName,
      });
    }
  }
  return [...bySection.values()];
}

export interface ApprovalView {
  id: string;
  sectionKey: string;
  requirementId: string;
  approver: { id: string; name: string };
  role: string;
  unitId: string | null;
  contentHash: string;
  approvedText: string;
  approvedContent: Record<string, unknown>;
  openThreads: number;
  approvedAt: string;
  staleSince: string | null;
}

/** Approvals in force (neither revoked nor replaced), per statement. */
export async function loadActiveApprovals(db: Database, statementId: string): Promise<ApprovalView[]> {
  const rows = await db
    .select({
      approval: sectionApprovals,
      sectionKey: sections.key,
      approverName: users.name,
    })
    .from(sectionApprovals)
    .innerJoin(sections, eq(sections.id, sectionApprovals.sectionId))
    .innerJoin(users, eq(users.id, sectionApprovals.approverId))
    .where(and(eq(sections.statementId, statementId), isNull(sectionApprovals.endedAt)))
    .orderBy(asc(sectionApprovals.createdAt));
  return rows.map(({ approval, sectionKey, approverName }) => ({
    id: approval.id,
    sectionKey,
    requirementId: approval.requirementId,
    approver: { id: approval.approverId, name: approverName },
    role: approval.role,
    unitId: approval.unitId,
    contentHash: approval.contentHash,
    approvedText: approval.approvedText,
    approvedContent: approval.approvedContent,
    openThreads: approval.openThreads,
    approvedAt: approval.createdAt.toISOString(),
    staleSince: approval.staleSince?.toISOString() ?? null,
  }));
}

export interface NewApproval {
  organisationId: string;
  statementId: string;
  section: SectionRequirements;
  requirements: Requirement[];
  approverId: string;
  contentHash: string;
  content: Record<string, unknown>;
  text: string;
  openThreads: number;
}

/**
 * Approves the given requirements of a section, replacing (never deleting) earlier approvals of them.
 * Throws StatementFinalisedError when the statement is finalised.
 */
export async function approveSection(db: Database, input: NewApproval): Promise<string[]> {
  return db.transaction(async (tx) => {
    await lockDraftStatement(tx, input.statementId);
    const requirementIds = input.requirements.map((requirement) => requirement.id);
    await tx
      .update(sectionApprovals)
      .set({ endedAt: new Date(), endReason: "superseded", endedBy: input.approverId })
      .where(and(inArray(sectionApprovals.requirementId, requirementIds), isNull(sectionApprovals.endedAt)));
    const inserted = await tx
      .insert(sectionApprovals)
      .values(
        input.requirements.map((requirement) => ({
          sectionId: input.section.sectionId,
          requirementId: requirement.id,
          approverId: input.approverId,
          role: requirement.role,
          unitId: requirement.unitId,
          contentHash: input.contentHash,
          approvedContent: input.content,
          approvedText: input.text,
          openThreads: input.openThreads,
        })),
      )
      .returning({ id: sectionApprovals.id });
    await recordAuditEvent(tx, {
      organisationId: input.organisationId,
      statementId: input.statementId,
      actorId: input.approverId,
      action: "approval.granted",
      sectionKey: input.section.key,
      details: {
        contentHash: input.contentHash,
        requirements: input.requirements.map((requirement) => ({
          role: requirement.role,
          unit: requirement.unitName,
        })),
        openThreads: input.openThreads,
      },
    });
    return inserted.map((row) => row.id);
  });
}

export interface Revocation {
  organisationId: string;
  statementId: string;
  section: SectionRequirements;
  approverId: string;
  reason: string | null;
}

/**
 * Revokes the actor's own approvals of a section; returns how many were in force. Throws
 * StatementFinalisedError when the statement is finalised.
 */
export async function revokeOwnApprovals(db: Database, input: Revocation): Promise<number> {
  return db.transaction(async (tx) => {
    await lockDraftStatement(tx, input.statementId);
    const ended = await tx
      .update(sectionApprovals)
      .set({
        endedAt: new Date(),
        endReason: "revoked",
        endedBy: input.approverId,
        revokeReason: input.reason,
      })
      .where(
        and(
          eq(sectionApprovals.sectionId, input.section.sectionId),
          eq(sectionApprovals.approverId, input.approverId),
          isNull(sectionApprovals.endedAt),
        ),
      )
      .returning({ contentHash: sectionApprovals.contentHash });
    if (ended.length > 0) {
      await recordAuditEvent(tx, {
        organisationId: input.organisationId,
        statementId: input.statementId,
        actorId: input.approverId,
        action: "approval.revoked",
        sectionKey: input.section.key,
        details: { reason: input.reason, contentHash: ended[0]?.contentHash ?? null },
      });
    }
    return ended.length;
  });
}

export interface StalenessCheck {
  organisationId: string;
  statementId: string;
  sectionKey: string;
  currentHash: string;
  /** Who changed the section since the last check. */
  changedBy: string[];
}

/**
 * Compares a section's approvals in force with its current content: approvals that no longer match
 * become stale, stale ones whose content was restored exactly become fresh again. Both are audited.
 * Returns true when anything changed.
 */
export async function recordStaleness(db: Database, check: StalenessCheck): Promise<boolean> {
  return db.transaction(async (tx) => {
    const active = await tx
      .select({
        id: sectionApprovals.id,
        contentHash: sectionApprovals.contentHash,
        staleSince: sectionApprovals.staleSince,
      })
      .from(sectionApprovals)
      .innerJoin(sections, eq(sections.id, sectionApprovals.sectionId))
      .where(
        and(
          eq(sections.statementId, check.statementId),
          eq(sections.key, check.sectionKey),
          isNull(sectionApprovals.endedAt),
        ),
      )
      // Locked: two nodes checking one section at once record its transition, and audit it, once.
      .for("update", { of: sectionApprovals });
    const turnedStale = active.filter((row) => row.contentHash !== check.currentHash && !row.staleSince);
    const turnedFresh = active.filter((row) => row.contentHash === check.currentHash && row.staleSince);
    const now = new Date();
    for (const [rows, staleSince, action] of [
      [turnedStale, now, "approval.stale"],
      [turnedFresh, null, "approval.fresh"],
    ] as const) {
      if (rows.length === 0) continue;
      await tx
        .update(sectionApprovals)
        .set({ staleSince })
        .where(
          inArray(
            sectionApprovals.id,
            rows.map((row) => row.id),
          ),
        );
      await recordAuditEvent(tx, {
        organisationId: check.organisationId,
        statementId: check.statementId,
        actorId: check.changedBy[0] ?? null,
        action,
        sectionKey: check.sectionKey,
        details: {
          newHash: check.currentHash,
          changedBy: check.changedBy,
          approvals: rows.map((row) => ({ id: row.id, approvedHash: row.contentHash })),
        },
      });
    }
    return turnedStale.length + turnedFresh.length > 0;
  });
}

export interface ApprovalHash {
  sectionKey: string;
  contentHash: string;
  stale: boolean;
}

/** The hashes approvals in force are bound to: what the collaboration server watches edits against. */
export async function loadApprovalHashes(db: Database, statementId: string): Promise<ApprovalHash[]> {
  const rows = await db
    .select({
      sectionKey: sections.key,
      contentHash: sectionApprovals.contentHash,
      staleSince: sectionApprovals.staleSince,
    })
    .from(sectionApprovals)
    .innerJoin(sections, eq(sections.id, sectionApprovals.sectionId))
    .where(and(eq(sections.statementId, statementId), isNull(sectionApprovals.endedAt)));
  return rows.map((row) => ({
    sectionKey: row.sectionKey,
    contentHash: row.contentHash,
    stale: row.staleSince !== null,
  }));
}
