import { type OidcMapping, oidcMappingCreateSchema } from "../contracts/oidc-mappings";
import type { Database } from "../db/client";
import {
  deleteOidcMapping,
  findOidcMapping,
  insertOidcMapping,
  listOidcMappings,
  oidcMappingExists,
} from "../db/queries/oidc-mappings";
import type { SessionUser } from "../db/queries/users";
import { adminInput, adminOnly, recordAdminEvent } from "./admin-access";
import { checkGrants } from "./admin-users";
import { fail, succeed, type WorkflowResult } from "./result";

export const MAPPING_NOT_FOUND = "Kopplingen finns inte";
export const MAPPING_EXISTS = "Gruppen har redan den rollen";

/** The organisation's mappings from identity-provider groups to roles, for administratörer. */
export async function listGroupMappings(
  db: Database,
  actor: SessionUser,
): Promise<WorkflowResult<{ mappings: OidcMapping[] }>> {
  return adminOnly(actor) ?? succeed({ mappings: await listOidcMappings(db, actor.organisationId) });
}

/** Maps a group to a role (in an active unit of the organisation, for unit roles). */
export async function createGroupMapping(
  db: Database,
  actor: SessionUser,
  input: unknown,
): Promise<WorkflowResult<OidcMapping>> {
  const body = adminInput(actor, oidcMappingCreateSchema, input);
  if (!body.ok) return body;
  const { group, role, unitId } = body.data;
  const problem = await checkGrants(db, actor.organisationId, [{ role, unitId }]);
  if (problem) return problem;
  if (await oidcMappingExists(db, actor.organisationId, group, { role, unitId })) {
    return fail("conflict", MAPPING_EXISTS);
  }
  const id = await insertOidcMapping(db, actor.organisationId, { group, role, unitId });
  await recordAdminEvent(db, actor, {
    action: "oidc-mapping.created",
    targetKind: "oidc-mapping",
    targetId: id,
    details: { group, role, unitId },
  });
  const mapping = await findOidcMapping(db, actor.organisationId, id);
  if (!mapping) throw new Error("Created mapping not found");
  return succeed(mapping);
}

/** Removes a mapping: its group's members lose the role at their next sign-in. */
export async function removeGroupMapping(
  db: Database,
  actor: SessionUser,
  mappingId: string,
): Promise<WorkflowResult<{ deleted: true }>> {
  const denied = adminOnly(actor);
  if (denied) return denied;
  const mapping = await findOidcMapping(db, actor.organisationId, mappingId);
  if (!mapping) return fail("not-found", MAPPING_NOT_FOUND);
  await deleteOidcMapping(db, mapping.id);
  await recordAdminEvent(db, actor, {
    action: "oidc-mapping.deleted",
    targetKind: "oidc-mapping",
    targetId: mapping.id,
    details: { group: mapping.group, role: mapping.role, unitId: mapping.unitId },
  });
  return succeed({ deleted: true });
}
