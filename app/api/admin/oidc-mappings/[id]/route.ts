import { MAPPING_NOT_FOUND, removeGroupMapping } from "@/workflow/oidc-mappings";
import { pathRoute } from "../../../responses";

export const dynamic = "force-dynamic";

const mapping = pathRoute<{ id: string }>(MAPPING_NOT_FOUND);

/** DELETE /api/admin/oidc-mappings/:id: removes a mapping; its members lose the role at their next sign-in. */
export const DELETE = mapping.handle((db, user, { id }) => removeGroupMapping(db, user, id));
