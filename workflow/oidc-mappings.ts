import { type OidcMapping, oidcMappingCreateSchema } from "../contracts/oidc-mappings";
import {
  deleteOidcMapping,
  findOidcMapping,
  insertOidcMapping,
  listOidcMappings,
  oidcMappingExists,
} from "../db/queries/oidc-mappings";
import { adminRead, adminRemoval, adminRequest, recordAdminEvent } from "./admin-access";
import { checkGrants } from "./admin-users";
import { fail, succeed, type WorkflowResult } from "./result";

export const MAPPING_NOT_FOUND = "Kopplingen finns inte";
export const MAPPING_EXISTS = "Gruppen har redan den rollen";

/** The organisation's mappings from identity-provider groups to roles, for administratörer. */
export const listGroupMappings = adminRead(async (db, organisationId) => ({
  mappings: await listOidcMappings(db, organisationId),
}));

/** Maps a group to a role (in an active unit of the organisation, for unit roles). */
export const createGroupMapping = adminRequest(
  oidcMappingCreateSchema,
  async (db, actor, { group, role, unitId }): Promise<WorkflowResult<OidcMapping>> => {
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
  },
);

/** Removes a mapping: its group's members lose the role at their next sign-in. */
export const removeGroupMapping = adminRemoval({
  find: findOidcMapping,
  notFound: MAPPING_NOT_FOUND,
  targetKind: "oidc-mapping",
  remove: deleteOidcMapping,
  logged: ({ group, role, unitId }) => ({ group, role, unitId }),
});
