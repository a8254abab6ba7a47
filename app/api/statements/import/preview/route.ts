import { docxImportPreviewRequestSchema } from "@/contracts/statement-import";
import { getDb } from "@/db/client";
import { previewDocxImport } from "@/workflow/statement-import";
import { parseJsonBody, signOffResponse, withUser } from "../../../responses";

export const dynamic = "force-dynamic";

/** POST: reads a Word file (base64 in JSON) and proposes a new statement from it; stores nothing. */
export function POST(request: Request) {
  return withUser(async (user) => {
    const parsed = await parseJsonBody(request, docxImportPreviewRequestSchema);
    if (!parsed.ok) return parsed.response;
    return signOffResponse(await previewDocxImport(await getDb(), user, parsed.data.file));
  });
}
