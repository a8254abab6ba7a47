import { z } from "zod";
import { ROLES } from "../domain/roles";
import { roleGrantSchema } from "./admin";

/* The administration API's mappings from identity-provider groups to roles: `/api/admin/oidc-mappings`. */

/** `POST /api/admin/oidc-mappings`: members of `group` get `role` (in `unitId`, for unit roles). */
export const oidcMappingCreateSchema = roleGrantSchema
  .extend({
    group: z
      .string({ error: "Ange gruppen." })
      .trim()
      .min(1, { error: "Ange gruppen." })
      .max(300, { error: "Högst 300 tecken." }),
  })
  .strict();
export type OidcMappingCreate = z.infer<typeof oidcMappingCreateSchema>;

export const oidcMappingSchema = z.object({
  id: z.uuid(),
  group: z.string(),
  role: z.enum(ROLES),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
});
export type OidcMapping = z.infer<typeof oidcMappingSchema>;

export const oidcMappingListSchema = z.object({ mappings: z.array(oidcMappingSchema) });
