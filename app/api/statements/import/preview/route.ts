import { docxImportPreviewRequestSchema } from "@/contracts/statement-import";
import { previewDocxImport } from "@/workflow/statement-import";
import { bodyRoute } from "../../../responses";

export const dynamic = "force-dynamic";

/** POST: reads a Word file (base64 in JSON) and proposes a new statement from it; stores nothing. */
export const POST = bodyRoute(docxImportPreviewRequestSchema, (db, user, body) =>
  previewDocxImport(db, user, body.file),
);
