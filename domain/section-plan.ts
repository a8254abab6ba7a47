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
  /** What belongs in the section, copied from the template. */
  guidance: string | null;
}

const UNIT_ROLES: ReadonlySet<Role> = new Set(["handlaggare", "enhetschef", "avdelningschef"]);

export function isUnitRole(role: Role): boolean {
  return UNIT_ROLES.has(role);
}

function preferredOwners(
  section: TemplateSection,
  avdelningar: string[],
  enheter: string[],
): readonly string[] {
  if (section.owners === "units") return section.ownerUnitIds ?? [];
  return section.owners === "enheter" ? enheter : avdelningar;
}

/** Each approval once: a named unit's holder, each owning unit's, or an organisation-wide role. */
function requiredApprovals(section: TemplateSection, ownerUnitIds: string[]): ApprovalRequirement[] {
  const all = section.approvals.flatMap(({ role, unitId }): ApprovalRequirement[] => {
    if (!isUnitRole(role)) return [{ role, unitId: null }];
    return unitId ? [{ role, unitId }] : ownerUnitIds.map((owner) => ({ role, unitId: owner }));
  });
  const seen = new Set<string>();
  return all.filter(({ role, unitId }) => {
    const id = `${role}:${unitId}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
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
  const enheter = preparingUnits.filter((unit) => unit.kind === "enhet").map((unit) => unit.id);
  const preparingAvdelningar = preparingUnits
    .filter((unit) => unit.kind === "avdelning")
    .map((unit) => unit.id);
  const parentAvdelningar = [
    ...new Set(
      preparingUnits.flatMap((unit) => (unit.kind === "enhet" && unit.parentId ? [unit.parentId] : [])),
    ),
  ];
  const avdelningar = preparingAvdelningar.length > 0 ? preparingAvdelningar : parentAvdelningar;
  return template.map((section) => {
    const preferred = preferredOwners(section, avdelningar, enheter);
    const ownerUnitIds = preferred.length > 0 ? [...preferred] : preparingUnits.map((unit) => unit.id);
    return {
      key: section.key,
      title: section.title,
      ownerUnitIds,
      approvals: requiredApprovals(section, ownerUnitIds),
      guidance: section.guidance ?? null,
    };
  });
}
