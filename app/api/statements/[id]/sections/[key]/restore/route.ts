import { restoreSectionRequest } from "@/contracts/versions";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { restoreSection } from "@/workflow/versions";
import { pathRoute } from "../../../../../responses";

export const dynamic = "force-dynamic";

const section = pathRoute<{ id: string; key: string }>(STATEMENT_NOT_FOUND);

/** POST {versionId}: restores the section's text from the version, as the user's edit. */
export const POST = section.withBody(restoreSectionRequest, (db, user, { id, key }, body) =>
  restoreSection(db, user, id, key, body.versionId),
);
