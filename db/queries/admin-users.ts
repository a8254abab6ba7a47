import { and, asc, eq, ilike, inArray, or } from "drizzle-orm";
import type { AdminUser, RoleGrantInput } from "../../contracts/admin";
import type { Database } from "../client";
import { organisationEvents, userRoles, users } from "../schema";
import { pickColumns } from "./columns";
import { selectUsersWithGrants } from "./users";

/** `%`, `_` and `\` in a search are literal characters, not patterns. */
function containsPattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The organisation's users with their grants, by name; `query` narrows to names or e-mails containing it. */
export async function listAdminUsers(
  db: Database,
  organisationId: string,
  query?: string,
  userIds?: string[],
): Promise<AdminUser[]> {
  const filters = [eq(users.organisationId, organisationId)];
  if (query) {
    const pattern = containsPattern(query);
    const match = or(ilike(users.name, pattern), ilike(users.email, pattern));
    if (match) filters.push(match);
  }
  if (userIds) filters.push(inArray(users.id, userIds));
  const rows = await selectUsersWithGrants(
    db,
    pickColumns(users, ["id", "name", "email", "title", "telephone", "deactivatedAt", "passwordHash"]),
  )
    .where(and(...filters))
    .orderBy(asc(users.name), asc(users.id), asc(userRoles.role));
  const byId = new Map<string, AdminUser>();
  for (const row of rows) {
    let user = byId.get(row.id);
    if (!user) {
      user = {
        id: row.id,
        name: row.name,
        email: row.email,
        title: row.title,
        telephone: row.telephone,
        active: row.deactivatedAt === null,
        passwordSignIn: row.passwordHash !== null,
        roles: [],
      };
      byId.set(row.id, user);
    }
    if (row.role) user.roles.push({ role: row.role, unitId: row.unitId, unitName: row.unitName });
  }
  return [...byId.values()];
}

export async function findAdminUser(db: Database, organisationId: string, userId: string) {
  const [user] = await listAdminUsers(db, organisationId, undefined, [userId]);
  return user ?? null;
}

/** The id of the account with the address, in any organisation (addresses are unique). */
export async function userIdByEmail(db: Database, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}

export interface UserFields {
  name?: string;
  email?: string;
  title?: string | null;
  telephone?: string | null;
  passwordHash?: string | null;
}

export async function insertUser(
  db: Database,
  organisationId: string,
  fields: Required<UserFields>,
  roles: RoleGrantInput[],
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ organisationId, ...fields })
      .returning({ id: users.id });
    if (!row) throw new Error("User insert returned no row");
    if (roles.length) await tx.insert(userRoles).values(roles.map((grant) => ({ ...grant, userId: row.id })));
    return row.id;
  });
}

/** Updates the given fields; `roles`, when given, replaces every grant. */
export async function updateUser(
  db: Database,
  userId: string,
  fields: UserFields,
  roles: RoleGrantInput[] | undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (Object.keys(fields).length) await tx.update(users).set(fields).where(eq(users.id, userId));
    if (roles) {
      await tx.delete(userRoles).where(eq(userRoles.userId, userId));
      if (roles.length) await tx.insert(userRoles).values(roles.map((grant) => ({ ...grant, userId })));
    }
  });
}

/** Those of the addresses that have an account, in any organisation. */
export async function existingEmails(db: Database, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  return new Set(rows.map((row) => row.email));
}

export interface NewUser {
  name: string;
  email: string;
  title: string | null;
  roles: RoleGrantInput[];
}

/**
 * Creates every user, identity-provider-only, in one transaction, each with an event in the
 * organisation's trail: all of them or, when any insert fails, none.
 */
export async function insertUsers(
  db: Database,
  organisationId: string,
  actorId: string,
  newUsers: NewUser[],
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { roles, ...fields } of newUsers) {
      const [row] = await tx
        .insert(users)
        .values({ organisationId, ...fields, passwordHash: null })
        .returning({ id: users.id });
      if (!row) throw new Error("User insert returned no row");
      if (roles.length)
        await tx.insert(userRoles).values(roles.map((grant) => ({ ...grant, userId: row.id })));
      await tx.insert(organisationEvents).values({
        organisationId,
        actorId,
        action: "user.imported",
        targetKind: "user",
        targetId: row.id,
        details: { ...fields, roles },
      });
    }
  });
}

/** Whether the database has any account at all: before the first one, only the first-run page is open. */
export async function hasAnyUser(db: Database): Promise<boolean> {
  return (await db.select({ id: users.id }).from(users).limit(1)).length > 0;
}
