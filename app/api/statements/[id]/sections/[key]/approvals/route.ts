import { approvalRequestSchema, revocationRequestSchema } from "@/contracts/sign-off";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { approve, revoke } from "@/workflow/sign-off";
import { pathRoute } from "../../../../../responses";

export const dynamic = "force-dynamic";

const section = pathRoute<{ id: string; key: string }>(STATEMENT_NOT_FOUND);

/** POST: approve the section's content as displayed (201), 403 wrong role, 409 content changed. */
export const POST = section.withBody(
  approvalRequestSchema,
  (db, user, { id, key }, body) => approve(db, user, id, key, body.contentHash),
  201,
);

/** DELETE: revoke one's own approval of the section, with an optional reason. */
export const DELETE = section.withBody(revocationRequestSchema, (db, user, { id, key }, body) =>
  revoke(db, user, id, key, body?.reason || null),
);
