import { eq } from "drizzle-orm";
import type { Actor } from "../../domain/access";
import type { Role } from "../../domain/roles";
import type { Database } from "../client";
import { units, userRoles, users } from "../schema";

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
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export async function loadSessionUser(db: Database, userId: string): Promise<SessionUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const grants = await db
    .select({
      role: userRoles.role,
      unitId: userRoles.unitId,
      unitName: units.name,
      parentId: units.parentId,
    })
    .from(userRoles)
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(userRoles.userId, userId));
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
