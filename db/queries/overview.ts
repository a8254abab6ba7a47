import { and, eq, inArray, isNull } from "drizzle-orm";
import { type SectionState, sectionState } from "../../domain/signoff";
import type { Database } from "../client";
import { sectionApprovalRequirements, sectionApprovals, sectionOwners, sections } from "../schema";
import { countOpenThreads } from "./comments";

export interface StatementOverview {
  sections: number;
  states: Record<SectionState, number>;
  /** Sections owned by one of the viewer's units. */
  mySections: number;
  openComments: number;
}

/*
 * The list page shows sign-off states without loading every statement's document: staleness is
 * taken from the flags the collaboration server keeps on approvals as edits happen, standing in
 * for a comparison of hashes ("current" for a fresh approval, "stale" otherwise).
 */
const CURRENT = "current";

export async function summariseStatements(
  db: Database,
  statementIds: string[],
  myUnitIds: string[],
): Promise<Map<string, StatementOverview>> {
  const overview = new Map<string, StatementOverview>();
  if (statementIds.length === 0) return overview;
  const [sectionRows, requirementRows, approvalRows, ownerRows, openThreads] = await Promise.all([
    db
      .select({ id: sections.id, statementId: sections.statementId, key: sections.key })
      .from(sections)
      .where(inArray(sections.statementId, statementIds)),
    db
      .select({
        id: sectionApprovalRequirements.id,
        sectionId: sectionApprovalRequirements.sectionId,
        role: sectionApprovalRequirements.role,
        unitId: sectionApprovalRequirements.unitId,
      })
      .from(sectionApprovalRequirements)
      .innerJoin(sections, eq(sections.id, sectionApprovalRequirements.sectionId))
      .where(inArray(sections.statementId, statementIds)),
    db
      .select({
        sectionId: sectionApprovals.sectionId,
        requirementId: sectionApprovals.requirementId,
        staleSince: sectionApprovals.staleSince,
      })
      .from(sectionApprovals)
      .innerJoin(sections, eq(sections.id, sectionApprovals.sectionId))
      .where(and(inArray(sections.statementId, statementIds), isNull(sectionApprovals.endedAt))),
    db
      .select({ sectionId: sectionOwners.sectionId, unitId: sectionOwners.unitId })
      .from(sectionOwners)
      .innerJoin(sections, eq(sections.id, sectionOwners.sectionId))
      .where(inArray(sections.statementId, statementIds)),
    countOpenThreads(db, statementIds),
  ]);
  for (const statementId of statementIds) {
    overview.set(statementId, {
      sections: 0,
      states: { approved: 0, "partly-approved": 0, stale: 0, open: 0 },
      mySections: 0,
      openComments: [...(openThreads.get(statementId)?.values() ?? [])].reduce(
        (sum, count) => sum + count,
        0,
      ),
    });
  }
  // Indexed by section once: the list covers every statement of the organisation.
  const requirementsBySection = bySection(requirementRows);
  const approvalsBySection = bySection(approvalRows);
  const mine = new Set(myUnitIds);
  const mySectionIds = new Set(
    ownerRows.filter((owner) => mine.has(owner.unitId)).map((owner) => owner.sectionId),
  );
  for (const section of sectionRows) {
    const summary = overview.get(section.statementId);
    if (!summary) continue;
    const requirements = (requirementsBySection.get(section.id) ?? []).map((row) => ({
      id: row.id,
      role: row.role,
      unitId: row.unitId,
      unitName: null,
    }));
    const approvals = (approvalsBySection.get(section.id) ?? []).map((row) => ({
      requirementId: row.requirementId,
      contentHash: row.staleSince ? "stale" : CURRENT,
    }));
    summary.sections++;
    summary.states[sectionState(requirements, approvals, CURRENT)]++;
    if (mySectionIds.has(section.id)) summary.mySections++;
  }
  return overview;
}

function bySection<T extends { sectionId: string }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const group = grouped.get(row.sectionId);
    if (group) group.push(row);
    else grouped.set(row.sectionId, [row]);
  }
  return grouped;
}
