import { docxImportCreateRequestSchema, importedStatementSchema } from "@/contracts/statement-import";
import { getDb } from "@/db/client";
import { describeNewStatementProblems } from "@/domain/new-statement";
import { createFromDocx } from "@/workflow/statement-import";
import { json, parseJsonBody, signOffResponse, withUser } from "../../responses";

export const dynamic = "force-dynamic";

/** POST: creates a statement from a Word file (base64 in JSON) and the details the user confirmed. */
export function POST(request: Request) {
  return withUser(async (user) => {
    const parsed = await parseJsonBody(request, docxImportCreateRequestSchema);
    if (!parsed.ok) return parsed.response;
    const statement = importedStatementSchema.safeParse(parsed.data.statement);
    if (!statement.success) {
      const { formError, fieldErrors } = describeNewStatementProblems(statement.error);
      return json({ error: formError ?? "Kontrollera de markerade uppgifterna", fieldErrors }, 400);
    }
    return signOffResponse(await createFromDocx(await getDb(), user, parsed.data.file, statement.data), 201);
  });
}
