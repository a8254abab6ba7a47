import { createGroupMapping, listGroupMappings } from "@/workflow/oidc-mappings";
import { bodyCheckedByUseCase, bodyRoute, userRoute } from "../../responses";

export const dynamic = "force-dynamic";

/** GET /api/admin/oidc-mappings: the organisation's mappings from identity-provider groups to roles. */
export const GET = userRoute((db, user) => listGroupMappings(db, user));

/** POST /api/admin/oidc-mappings: maps a group to a role (in a unit, for unit roles). */
export const POST = bodyRoute(bodyCheckedByUseCase, createGroupMapping, 201);
