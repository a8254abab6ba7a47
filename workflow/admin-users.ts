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
import type { SessionUser } from "../db/queries/users";
import { grantProblem } from "../domain/admin";
import { adminInput, adminOnly, nothingToChange, recordAdminEvent } from "./admin-access";
import { fail, type WorkflowFailure, type WorkflowResult } from "./result";
import { setUserActive, USER_NOT_FOUND } from "./sessions";

export const EMAIL_TAKEN = "Det finns redan ett konto med den e-postadressen";
export const OWN_ADMIN_ROLE = "Du kan inte ta bort din egen administratörsroll";

export async function searchUsers(
  db: Database,
  actor: SessionUser,
  query: string | undefined,
): Promise<WorkflowResult<AdminUser[]>> {
  return (
    adminOnly(actor) ?? { ok: true, value: await listAdminUsers(db, actor.organisationId, query?.trim()) }
  );
}

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

export async function createUser(
  db: Database,
  actor: SessionUser,
  input: unknown,
): Promise<WorkflowResult<AdminUser>> {
  const body = adminInput(actor, userCreateSchema, input);
  if (!body.ok) return body;
  const { password, roles, ...fields } = body.data;
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
  return { ok: true, value: user };
}

/**
 * Edits a user: fields, roles (replaced), password (or `null`: identity provider only), and
 * `active`, where deactivation ends every session of the account (workflow/sessions.ts).
 */
export async function editUser(
  db: Database,
  actor: SessionUser,
  userId: string,
  input: unknown,
): Promise<WorkflowResult<AdminUser>> {
  const body = adminInput(actor, userEditSchema, input);
  if (!body.ok) return body;
  const { password, roles, active, ...fields } = body.data;
  const empty = nothingToChange(body.data);
  if (empty) return empty;
  const before = await findAdminUser(db, actor.organisationId, userId);
  if (!before) return fail("not-found", USER_NOT_FOUND);
  if (roles) {
    const problem = await checkGrants(db, actor.organisationId, roles);
    if (problem) return problem;
    if (userId === actor.id && !roles.some((grant) => grant.role === "admin"))
      return fail("conflict", OWN_ADMIN_ROLE);
  }
  if (fields.email && fields.email !== before.email && (await userIdByEmail(db, fields.email))) {
    return fail("conflict", EMAIL_TAKEN);
  }
  if (active !== undefined && active !== before.active) {
    const changed = await setUserActive(db, actor, userId, active);
    if (!changed.ok) return changed;
  }
  const update: UserFields = { ...fields };
  if (password !== undefined) update.passwordHash = password === null ? null : await hashPassword(password);
  await updateUser(db, userId, update, roles);
  await recordAdminEvent(db, actor, {
    action: "user.updated",
    targetKind: "user",
    targetId: userId,
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
  const user = await findAdminUser(db, actor.organisationId, userId);
  if (!user) throw new Error("Edited user not found");
  return { ok: true, value: user };
}
