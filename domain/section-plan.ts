import type { Role } from "./roles";
import type { TemplateSection } from "./template";

export interface PlanningUnit {
  id: string;
  kind: "avdelning" | "enhet";
  /** The avdelning an enhet belongs to. */
  parentId: string | null;
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
 * preparing units. Avdelning sections belong to the preparing avdelningar or, when only enheter
 * prepare the statement, to the avdelningar those enheter belong to, so that an avdelningschef
 * exists who can approve them. A section whose preferred owners are missing falls back to the
 * preparing units, so that no section is left without an owner.
 */
export function planSections(
  template: readonly TemplateSection[],
  preparingUnits: PlanningUnit[],
): PlannedSection[] {
  const enheter = preparingUnits.filter((unit) => unit.kind === "enhet");
  const preparingAvdelningar = preparingUnits
    .filter((unit) => unit.kind === "avdelning")
    .map((unit) => unit.id);
  const parentAvdelningar = [...new Set(enheter.flatMap((unit) => (unit.parentId ? [unit.parentId] : [])))];
  const avdelningar = preparingAvdelningar.length > 0 ? preparingAvdelningar : parentAvdelningar;
  return template.map((section) => {
    const preferred = section.owners === "enheter" ? enheter.map((unit) => unit.id) : avdelningar;
    const ownerUnitIds = preferred.length > 0 ? preferred : preparingUnits.map((unit) => unit.id);
    const approvals = section.approvals.flatMap((role): ApprovalRequirement[] =>
      isUnitRole(role) ? ownerUnitIds.map((unitId) => ({ role, unitId })) : [{ role, unitId: null }],
    );
    return { key: section.key, title: section.title, ownerUnitIds, approvals };
  });
}
