import { unitDeletedSchema } from "./admin";
import { oidcMappingCreateSchema, oidcMappingListSchema, oidcMappingSchema } from "./oidc-mappings";
import { ADMIN_ONLY, adminListing, creation } from "./openapi-admin";
import { type ApiRoutes, NOT_FOUND, refused } from "./openapi-operation";

/** The OpenAPI operations of the mappings from identity-provider groups to roles. */
export const OIDC_ROUTES: ApiRoutes = {
  "/api/admin/oidc-mappings": {
    get: adminListing("The organisation's mappings from identity-provider groups to roles", {
      description: "Kopplingarna",
      schema: oidcMappingListSchema,
    }),
    post: creation(
      "Maps a group of the identity provider to a role, in a unit for unit roles",
      oidcMappingCreateSchema,
      { description: "Den nya kopplingen", schema: oidcMappingSchema },
      refused("Gruppen har redan den rollen"),
    ),
  },
  "/api/admin/oidc-mappings/{id}": {
    delete: {
      summary: "Removes a mapping; the group's members lose the role at their next sign-in",
      responses: {
        200: { description: "Kopplingen är borttagen", schema: unitDeletedSchema },
        403: ADMIN_ONLY,
        404: NOT_FOUND,
      },
    },
  },
};
