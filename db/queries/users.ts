import { and, asc, eq, isNull } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Actor, StatementAccessFacts } from "../../domain/access";
import type { Role } from "../../domain/roles";
import type { Database } from "../client";
import { statements, units, userRoles, users } from "../schema";

export interface UserRoleGrant {
  role: Role;
  unitId: string | null;
  unitName: string | null;
}

/** A signed-in user as the server knows them: always loaded from the database, never from the client. */
export interface SessionUser extends Actor {
  email: string;
  name: string;
  title: string | null;
  roles: UserRoleGrant[];
  /** The units the user works in and the avdelningar those belong to: members of an enhet are members of its avdelning. */
  memberOfUnitIds: string[];
}

export async function findLoginByEmail(db: Database, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      passwordHash: users.passwordHash,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

/**
 * The given columns of users with each of their role grants and the grant's unit: one row per
 * grant, or one with a null role for a user without grants. The caller filters and orders.
 */
export function selectUsersWithGrants<TColumns extends SelectedFields>(db: Database, columns: TColumns) {
  return db
    .select({ ...columns, role: userRoles.role, unitId: userRoles.unitId, unitName: units.name })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(units, eq(units.id, userRoles.unitId));
}

/** A session user's columns, and the avdelning of each grant's unit. */
const SESSION_USER_COLUMNS = {
  id: users.id,
  organisationId: users.organisationId,
  email: users.email,
  name: users.name,
  title: users.title,
  parentId: units.parentId,
};

type SessionUserRow = {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  title: string | null;
  role: Role | null;
  unitId: string | null;
  unitName: string | null;
  parentId: string | null;
};

function sessionUserFromRows(rows: SessionUserRow[]): SessionUser | null {
  const [user] = rows;
  if (!user) return null;
  // A user without grants comes back as one row with no role.
  const grants = rows.flatMap(({ role, unitId, unitName, parentId }) =>
    role === null ? [] : [{ role, unitId, unitName, parentId }],
  );
  return {
    id: user.id,
    organisationId: user.organisationId,
    email: user.email,
    name: user.name,
    title: user.title,
    roles: grants.map(({ role, unitId, unitName }) => ({ role, unitId, unitName })),
    memberOfUnitIds: [
      ...new Set(
        grants.flatMap((grant) => [grant.unitId, grant.parentId].filter((id): id is string => id !== null)),
      ),
    ],
  };
}

/**
 * One query, not one for the user and one for the grants: every socket opened and every page
 * request waits for it, and on PGlite each query is a round trip to the database thread.
 */
export async function loadSessionUser(db: Database, userId: string): Promise<SessionUser | null> {
  return sessionUserFromRows(
    await selectUsersWithGrants(db, SESSION_USER_COLUMNS).where(eq(users.id, userId)),
  );
}

export interface SessionUserAndStatement {
  user: SessionUser;
  /** null when no statement has the id. */
  statement: StatementAccessFacts | null;
}

/**
 * The user and the facts that decide their access to one statement, in one query: a socket's
 * upgrade waits for both, and every query has a fixed cost of its own. null when no user has the id.
 */
export async function loadSessionUserAndStatement(
  db: Database,
  userId: string,
  statementId: string,
): Promise<SessionUserAndStatement | null> {
  const rows = await selectUsersWithGrants(db, {
    ...SESSION_USER_COLUMNS,
    statementOrganisationId: statements.organisationId,
    statementStatus: statements.status,
  })
    .leftJoin(statements, eq(statements.id, statementId))
    .where(eq(users.id, userId));
  const [first] = rows;
  const user = sessionUserFromRows(rows);
  if (!first || !user) return null;
  // Every row carries the same statement columns: the statement's join does not depend on the grant.
  const { statementOrganisationId, statementStatus } = first;
  return {
    user,
    statement:
      statementOrganisationId !== null && statementStatus !== null
        ? { organisationId: statementOrganisationId, status: statementStatus }
        : null,
  };
}

/** The organisation's active administratörer: whom a user without access should contact. */
export async function listAdministrators(
  db: Database,
  organisationId: string,
): Promise<{ name: string; email: string }[]> {
  return db
    .selectDistinct({ name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "admin")))
    .where(and(eq(users.organisationId, organisationId), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name), asc(users.email));
}
