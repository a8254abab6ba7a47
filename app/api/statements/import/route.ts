import { docxImportCreateRequestSchema } from "@/contracts/statement-import";
import { createFromDocx } from "@/workflow/statement-import";
import { bodyRoute } from "../../responses";

export const dynamic = "force-dynamic";

/** POST: creates a statement from a Word file (base64 in JSON) and the details the user confirmed. */
export const POST = bodyRoute(
  docxImportCreateRequestSchema,
  (db, user, { file, statement }) => createFromDocx(db, user, file, statement),
  201,
);
