import type { Role } from "./roles";

/* Rules of the organisation's administration: units and role grants. */

/** Roles held organisation-wide, without a unit; every other role is held in one unit. */
const ORGANISATION_ROLES: ReadonlySet<Role> = new Set(["granskare", "stadsdelsdirektor", "admin"]);

export function isOrganisationRole(role: Role): boolean {
  return ORGANISATION_ROLES.has(role);
}

/** Why a grant is not valid for its unit, or null when it is. */
export function grantProblem(
  role: Role,
  unit: { active: boolean } | null,
  hasUnitId: boolean,
): string | null {
  if (isOrganisationRole(role))
    return hasUnitId ? "Rollen gäller hela organisationen och har ingen enhet." : null;
  if (!hasUnitId) return "Rollen kräver en enhet.";
  if (!unit) return "Enheten finns inte i organisationen.";
  if (!unit.active) return "Enheten är avaktiverad.";
  return null;
}

/** Why a unit cannot have the parent, or null: an enhet belongs to an active avdelning, an avdelning to none. */
export function parentProblem(
  kind: "avdelning" | "enhet",
  parent: { kind: "avdelning" | "enhet"; active: boolean } | null,
  hasParentId: boolean,
): string | null {
  if (kind === "avdelning") return hasParentId ? "En avdelning ligger inte under någon annan enhet." : null;
  if (!hasParentId) return "Välj den avdelning enheten hör till.";
  if (parent?.kind !== "avdelning") return "Den överordnade avdelningen finns inte.";
  if (!parent.active) return "Den överordnade avdelningen är avaktiverad.";
  return null;
}
