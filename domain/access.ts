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
const TEXT_WRITING_ROLES: ReadonlySet<Role> = new Set([
  "handlaggare",
  "enhetschef",
  "avdelningschef",
  "stadsdelsdirektor",
]);

export function canReadStatement(actor: Actor, statement: StatementAccessFacts): boolean {
  return actor.organisationId === statement.organisationId && actor.roles.length > 0;
}

/** A finalised (justerad) statement is frozen for everyone. */
export function canEditStatementText(actor: Actor, statement: StatementAccessFacts): boolean {
  if (!canReadStatement(actor, statement) || statement.status === "finalised") return false;
  return actor.roles.some((grant) => TEXT_WRITING_ROLES.has(grant.role));
}
