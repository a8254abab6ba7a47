import type { Role, RoleGrant } from "./roles";

/** Who is acting, as established by the server from the session; never taken from the client. */
export interface Actor {
  id: string;
  organisationId: string;
  roles: RoleGrant[];
}

export interface StatementAccessFacts {
  organisationId: string;
  status: "draft" | "finalised";
}

/** Roles that draft text. Granskare comment only; administratörer manage, they do not draft. */
const DRAFTING_ROLES: ReadonlySet<Role> = new Set([
  "handlaggare",
  "enhetschef",
  "avdelningschef",
  "stadsdelsdirektor",
]);

function isDrafter(actor: Actor): boolean {
  return actor.roles.some((grant) => DRAFTING_ROLES.has(grant.role));
}

/** The units the actor holds a role in ("din enhet"). */
export function actorUnitIds(actor: Pick<Actor, "roles">): string[] {
  return actor.roles.flatMap((grant) => (grant.unitId ? [grant.unitId] : []));
}

export function canReadStatement(actor: Actor, statement: StatementAccessFacts): boolean {
  return actor.organisationId === statement.organisationId && hasAnyRole(actor);
}

/** An account without any role reaches nothing but the page that says so. */
export function hasAnyRole(actor: { roles: readonly unknown[] }): boolean {
  return actor.roles.length > 0;
}

/** A finalised (justerad) statement is frozen for everyone. */
export function canEditStatementText(actor: Actor, statement: StatementAccessFacts): boolean {
  if (!canReadStatement(actor, statement) || statement.status === "finalised") return false;
  return isDrafter(actor);
}

/**
 * Any drafter may start a statement. It is always created in the actor's own organisation, so the
 * organisation needs no check here; the preparing units are checked against it when it is stored.
 */
export function canCreateStatement(actor: Actor): boolean {
  return isDrafter(actor);
}

export function isAdministrator(actor: { roles: readonly { role: Role }[] }): boolean {
  return actor.roles.some((grant) => grant.role === "admin");
}

/** Anyone may end their own sessions; an administratör may end those of users of the organisation. */
export function canEndSessionsOf(actor: Actor, target: { id: string; organisationId: string }): boolean {
  if (actor.id === target.id) return true;
  return actor.organisationId === target.organisationId && isAdministrator(actor);
}
