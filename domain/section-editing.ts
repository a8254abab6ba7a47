import { type Actor, canEditStatementText, type StatementAccessFacts } from "./access";
import { satisfiesRequirement } from "./signoff";

/** What decides who may change a section's text. */
export interface SectionEditFacts {
  /** Units that own the section; only their own members count (no inheritance up or down). */
  ownerUnitIds: readonly string[];
  /** The approvals the section needs: whoever may give one may also edit it. */
  requirements: readonly { role: Actor["roles"][number]["role"]; unitId: string | null }[];
}

export interface StatementEditFacts extends StatementAccessFacts {
  /** The coordinating handläggare, who may edit every section; null when none is named. */
  coordinatorId: string | null;
}

/**
 * A section is editable by the handläggare of the units that own it, by the statement's coordinating
 * handläggare, and by the chefs who approve it; never in a finalised statement, never by a
 * non-drafting role. An enhet's staff do not inherit their avdelning's sections, nor the reverse.
 */
export function canEditSection(
  actor: Actor,
  statement: StatementEditFacts,
  section: SectionEditFacts,
): boolean {
  if (!canEditStatementText(actor, statement)) return false;
  if (statement.coordinatorId !== null && actor.id === statement.coordinatorId) return true;
  const ownsIt = actor.roles.some(
    (grant) =>
      grant.role === "handlaggare" && grant.unitId !== null && section.ownerUnitIds.includes(grant.unitId),
  );
  return ownsIt || section.requirements.some((requirement) => satisfiesRequirement(actor, requirement));
}
