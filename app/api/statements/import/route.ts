import { docxImportCreateRequestSchema } from "@/contracts/statement-import";
import { getDb } from "@/db/client";
import { createFromDocx } from "@/workflow/statement-import";
import { parseJsonBody, withUser, workflowResponse } from "../../responses";

export const dynamic = "force-dynamic";

/** POST: creates a statement from a Word file (base64 in JSON) and the details the user confirmed. */
export function POST(request: Request) {
  return withUser(async (user) => {
    const parsed = await parseJsonBody(request, docxImportCreateRequestSchema);
    if (!parsed.ok) return parsed.response;
    const { file, statement } = parsed.data;
    return workflowResponse(await createFromDocx(await getDb(), user, file, statement), 201);
  });
}
