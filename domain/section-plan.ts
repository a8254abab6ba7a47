import type { Role } from "./roles";
import type { TemplateSection } from "./template";

export interface PlanningUnit {
  id: string;
  kind: "avdelning" | "enhet";
}

export interface ApprovalRequirement {
  role: Role;
  /** The unit whose holder of `role` must approve; null for organisation-wide roles. */
  unitId: string | null;
}

export interface PlannedSection {
  key: string;
  title: string;
  ownerUnitIds: string[];
  approvals: ApprovalRequirement[];
}

const UNIT_ROLES: ReadonlySet<Role> = new Set(["handlaggare", "enhetschef", "avdelningschef"]);

export function isUnitRole(role: Role): boolean {
  return UNIT_ROLES.has(role);
}

/**
 * Decides owners and required approvals of a new statement's sections from the template and the
 * preparing units. A section owned by "enheter" falls back to the avdelning when no enhet prepares
 * the statement, so that no section is left without an owner.
 */
export function planSections(
  template: readonly TemplateSection[],
  preparingUnits: PlanningUnit[],
): PlannedSection[] {
  const avdelningar = preparingUnits.filter((unit) => unit.kind === "avdelning").map((unit) => unit.id);
  const enheter = preparingUnits.filter((unit) => unit.kind === "enhet").map((unit) => unit.id);
  return template.map((section) => {
    const preferred = section.owners === "enheter" ? enheter : avdelningar;
    const ownerUnitIds = preferred.length > 0 ? preferred : preparingUnits.map((unit) => unit.id);
    const approvals = section.approvals.flatMap((role): ApprovalRequirement[] =>
      isUnitRole(role) ? ownerUnitIds.map((unitId) => ({ role, unitId })) : [{ role, unitId: null }],
    );
    return { key: section.key, title: section.title, ownerUnitIds, approvals };
  });
}
