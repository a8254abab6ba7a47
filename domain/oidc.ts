import type { RoleGrant } from "./roles";

/* Rules of sign-in through the organisation's identity provider: groups claims and their mappings. */

/**
 * The groups a claim names: identity providers send an array of strings, or one string. Anything
 * else (a missing claim, numbers, objects) names no group.
 */
export function groupsFromClaim(claims: Record<string, unknown>, claimName: string): string[] {
  const value = claims[claimName];
  const values = Array.isArray(value) ? value : [value];
  return [...new Set(values.filter((item): item is string => typeof item === "string" && item !== ""))];
}

export interface GroupMapping extends RoleGrant {
  groupName: string;
}

/** The grants the user's groups map to, each once, in the mappings' order. */
export function grantsForGroups(mappings: readonly GroupMapping[], groups: readonly string[]): RoleGrant[] {
  const member = new Set(groups);
  const grants = new Map<string, RoleGrant>();
  for (const { groupName, role, unitId } of mappings) {
    if (member.has(groupName)) grants.set(`${role}:${unitId ?? ""}`, { role, unitId });
  }
  return [...grants.values()];
}

/** Whether two sets of grants are the same, in any order. */
export function sameGrants(a: readonly RoleGrant[], b: readonly RoleGrant[]): boolean {
  const key = (grant: RoleGrant) => `${grant.role}:${grant.unitId ?? ""}`;
  const left = new Set(a.map(key));
  return left.size === new Set(b.map(key)).size && b.every((grant) => left.has(key(grant)));
}
