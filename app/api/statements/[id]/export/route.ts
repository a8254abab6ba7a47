import { EXPORT_CONTENT_TYPES, statementExportQuerySchema } from "@/contracts/statement-export";
import { getDb } from "@/workflow/app-services";
import { fail, STATEMENT_NOT_FOUND } from "@/workflow/result";
import { exportStatement } from "@/workflow/statement-export";
import { withPathIds, workflowResponse } from "../../../responses";

export const dynamic = "force-dynamic";

/** An attachment header with an ASCII fallback and the exact (UTF-8) name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|"/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** GET: the statement as DOCX or PDF (`?format=docx|pdf`, `&approvals=1` adds the approval record). */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return withPathIds(context, STATEMENT_NOT_FOUND, async (user, { id }) => {
    const params = new URL(request.url).searchParams;
    const query = statementExportQuerySchema.safeParse({
      format: params.get("format") ?? undefined,
      approvals: params.get("approvals") ?? undefined,
    });
    if (!query.success) {
      return workflowResponse(fail("invalid", query.error.issues[0]?.message ?? "Ogiltig förfrågan"));
    }
    const result = await exportStatement(await getDb(), user, id, query.data);
    if (!result.ok) return workflowResponse(result);
    const { bytes, fileName, format } = result.value;
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": EXPORT_CONTENT_TYPES[format],
        "content-disposition": contentDisposition(fileName),
        "cache-control": "no-store",
      },
    });
  });
}
