import { hashPassword } from "../auth/password";
import { type AdminUser, type RoleGrantInput, userCreateSchema, userEditSchema } from "../contracts/admin";
import type { Database } from "../db/client";
import { listAdminUnits } from "../db/queries/admin-units";
import {
  findAdminUser,
  insertUser,
  listAdminUsers,
  type UserFields,
  updateUser,
  userIdByEmail,
} from "../db/queries/admin-users";
import { grantProblem } from "../domain/admin";
import { adminChange, adminRead, adminRequest, recordAdminEvent } from "./admin-access";
import { fail, succeed, type WorkflowFailure, type WorkflowResult } from "./result";
import { setUserActive, USER_NOT_FOUND } from "./sessions";

export const EMAIL_TAKEN = "Det finns redan ett konto med den e-postadressen";
export const OWN_ADMIN_ROLE = "Du kan inte ta bort din egen administratörsroll";

/** The organisation's users, narrowed to names or e-mails containing the query. */
export const searchUsers = adminRead((db, organisationId, query: string | undefined) =>
  listAdminUsers(db, organisationId, query?.trim()),
);

/** Every grant's unit must be an active unit of the organisation, or none for organisation roles. */
export async function checkGrants(
  db: Database,
  organisationId: string,
  grants: RoleGrantInput[],
): Promise<WorkflowFailure | null> {
  const units = new Map((await listAdminUnits(db, organisationId)).map((unit) => [unit.id, unit]));
  for (const [index, grant] of grants.entries()) {
    const unit = grant.unitId ? (units.get(grant.unitId) ?? null) : null;
    const problem = grantProblem(grant.role, unit, grant.unitId !== null);
    if (problem) return fail("invalid", `Ogiltig förfrågan: roles.${index}: ${problem}`);
  }
  return null;
}

/** Creates an account with its roles; an e-mail address already in use is a 409. */
export const createUser = adminRequest(
  userCreateSchema,
  async (db, actor, { password, roles, ...fields }): Promise<WorkflowResult<AdminUser>> => {
    const problem = await checkGrants(db, actor.organisationId, roles);
    if (problem) return problem;
    if (await userIdByEmail(db, fields.email)) return fail("conflict", EMAIL_TAKEN);
    const passwordHash = password === null ? null : await hashPassword(password);
    const id = await insertUser(db, actor.organisationId, { ...fields, passwordHash }, roles);
    await recordAdminEvent(db, actor, {
      action: "user.created",
      targetKind: "user",
      targetId: id,
      details: { ...fields, roles, passwordSignIn: password !== null },
    });
    const user = await findAdminUser(db, actor.organisationId, id);
    if (!user) throw new Error("Created user not found");
    return succeed(user);
  },
);

/**
 * Edits a user: fields, roles (replaced), password (or `null`: identity provider only), and
 * `active`, where deactivation ends every session of the account (workflow/sessions.ts).
 */
export const editUser = adminChange(
  { find: findAdminUser, notFound: USER_NOT_FOUND, schema: userEditSchema },
  async (db, actor, before, { password, roles, active, ...fields }): Promise<WorkflowResult<AdminUser>> => {
    if (roles) {
      const problem = await checkGrants(db, actor.organisationId, roles);
      if (problem) return problem;
      if (before.id === actor.id && !roles.some((grant) => grant.role === "admin"))
        return fail("conflict", OWN_ADMIN_ROLE);
    }
    if (fields.email && fields.email !== before.email && (await userIdByEmail(db, fields.email))) {
      return fail("conflict", EMAIL_TAKEN);
    }
    if (active !== undefined && active !== before.active) {
      const changed = await setUserActive(db, actor, before.id, active);
      if (!changed.ok) return changed;
    }
    const update: UserFields = { ...fields };
    if (password !== undefined) update.passwordHash = password === null ? null : await hashPassword(password);
    await updateUser(db, before.id, update, roles);
    await recordAdminEvent(db, actor, {
      action: "user.updated",
      targetKind: "user",
      targetId: before.id,
      details: {
        before: { name: before.name, email: before.email, title: before.title, telephone: before.telephone },
        change: {
          ...fields,
          ...(roles && { roles }),
          ...(active !== undefined && { active }),
          ...(password !== undefined && { password: password === null ? "identity-provider-only" : "reset" }),
        },
      },
    });
    const user = await findAdminUser(db, actor.organisationId, before.id);
    if (!user) throw new Error("Edited user not found");
    return succeed(user);
  },
);
