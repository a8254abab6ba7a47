import type { Actor } from "./access";
import { ROLE_LABELS, type Role } from "./roles";
import { FINALISING_ROLE } from "./template";

/** One approval a section needs: a role, and for unit roles the unit whose holder must approve. */
export interface Requirement {
  id: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
}

/** An approval in force (not revoked, not replaced by a later one), bound to the content it approved. */
export interface ActiveApproval {
  requirementId: string;
  contentHash: string;
}

export type SectionState = "approved" | "partly-approved" | "stale" | "open";

export const SECTION_STATE_LABELS: Record<SectionState, string> = {
  approved: "Godkänd",
  "partly-approved": "Delvis godkänd",
  stale: "Ändrad efter godkännande",
  open: "Ej godkänd",
};

export function satisfiesRequirement(
  actor: Actor,
  requirement: Pick<Requirement, "role" | "unitId">,
): boolean {
  return actor.roles.some(
    (grant) =>
      grant.role === requirement.role && (requirement.unitId === null || grant.unitId === requirement.unitId),
  );
}

/** The requirements of a section that this actor's roles let them approve. */
export function approvableRequirements<R extends Requirement>(actor: Actor, requirements: R[]): R[] {
  return requirements.filter((requirement) => satisfiesRequirement(actor, requirement));
}

export function describeRequirement(requirement: Pick<Requirement, "role" | "unitName">): string {
  const role = ROLE_LABELS[requirement.role].toLocaleLowerCase("sv");
  return requirement.unitName ? `${role} för ${requirement.unitName}` : role;
}

/** Why an actor may not approve a section, naming the roles that may; null when they may. */
export function approvalRefusal(actor: Actor, requirements: Requirement[]): string | null {
  if (requirements.length === 0) return "Avsnittet kräver inget godkännande.";
  if (approvableRequirements(actor, requirements).length > 0) return null;
  return `Avsnittet godkänns av ${listInSwedish(requirements.map(describeRequirement))}.`;
}

/**
 * A section is approved when every requirement has an approval of its current content; stale when
 * any approval in force no longer matches the content; partly approved when some do.
 */
export function sectionState(
  requirements: Requirement[],
  approvals: ActiveApproval[],
  currentHash: string,
): SectionState {
  if (approvals.some((approval) => approval.contentHash !== currentHash)) return "stale";
  const fresh = new Set(approvals.map((approval) => approval.requirementId));
  const met = requirements.filter((requirement) => fresh.has(requirement.id)).length;
  if (requirements.length > 0 && met === requirements.length) return "approved";
  return met > 0 ? "partly-approved" : "open";
}

export function canFinalise(actor: Actor): boolean {
  return actor.roles.some((grant) => grant.role === FINALISING_ROLE);
}

export function listInSwedish(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}
