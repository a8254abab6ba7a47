import {
  EXPORT_CONTENT_TYPES,
  PDF_ENGINE_UNAVAILABLE,
  statementExportQuerySchema,
} from "@/contracts/statement-export";
import { getDb } from "@/db/client";
import { PdfEngineUnavailableError } from "@/document/pdf";
import { STATEMENT_NOT_FOUND } from "@/workflow/result";
import { exportStatement } from "@/workflow/statement-export";
import { isUuid, jsonError, signOffResponse, withUser } from "../../../responses";

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
  return withUser(async (user) => {
    const { id } = await context.params;
    if (!isUuid(id)) return jsonError(404, STATEMENT_NOT_FOUND);
    const params = new URL(request.url).searchParams;
    const query = statementExportQuerySchema.safeParse({
      format: params.get("format") ?? undefined,
      approvals: params.get("approvals") ?? undefined,
    });
    if (!query.success) return jsonError(400, query.error.issues[0]?.message ?? "Ogiltig förfrågan");
    try {
      const result = await exportStatement(await getDb(), user, id, query.data);
      if (!result.ok) return signOffResponse(result);
      const { bytes, fileName, format } = result.value;
      return new Response(new Uint8Array(bytes), {
        headers: {
          "content-type": EXPORT_CONTENT_TYPES[format],
          "content-disposition": contentDisposition(fileName),
          "cache-control": "no-store",
        },
      });
    } catch (error) {
      if (error instanceof PdfEngineUnavailableError) return jsonError(503, PDF_ENGINE_UNAVAILABLE);
      throw error;
    }
  });
}
