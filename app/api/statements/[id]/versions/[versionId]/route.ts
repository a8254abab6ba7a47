import { VERSION_NOT_FOUND, versionDetail } from "@/workflow/versions";
import { pathRoute } from "../../../../responses";

export const dynamic = "force-dynamic";

const version = pathRoute<{ id: string; versionId: string }>(VERSION_NOT_FOUND);

/** GET: the version's sections with their text and content hash. */
export const GET = version.handle((db, user, { id, versionId }) => versionDetail(db, user, id, versionId));
