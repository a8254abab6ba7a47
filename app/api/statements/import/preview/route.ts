import { docxImportPreviewRequestSchema } from "@/contracts/statement-import";
import { getDb } from "@/db/client";
import { previewDocxImport } from "@/workflow/statement-import";
import { parseJsonBody, withUser, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** POST: reads a Word file (base64 in JSON) and proposes a new statement from it; stores nothing. */
export function POST(request: Request) {
  return withUser(async (user) => {
    const parsed = await parseJsonBody(request, docxImportPreviewRequestSchema);
    if (!parsed.ok) return parsed.response;
    return workflowResponse(await previewDocxImport(await getDb(), user, parsed.data.file));
  });
}
