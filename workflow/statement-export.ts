import type { ExportFormat, StatementExportQuery } from "../contracts/statement-export";
import type { Database } from "../db/client";
import type { SessionUser } from "../db/queries/users";
import { renderDocx } from "../document/docx";
import { exportFileName } from "../document/model";
import { renderPdf } from "../document/pdf";
import type { WorkflowResult } from "./result";
import { auditFinalExport, loadStatementDocument } from "./statement-document";

export interface ExportedStatement {
  format: ExportFormat;
  bytes: Buffer;
  fileName: string;
}

/**
 * Exports the statement as DOCX or PDF, for anyone who may read it. A justerad statement is
 * exported from its frozen final version, and the export is audited with that version's checksum.
 * Throws PdfEngineUnavailableError when the PDF engine is missing.
 */
export async function exportStatement(
  db: Database,
  user: SessionUser,
  statementId: string,
  query: StatementExportQuery,
): Promise<WorkflowResult<ExportedStatement>> {
  const loaded = await loadStatementDocument(db, user, statementId, { approvals: query.approvals });
  if (!loaded.ok) return loaded;
  const { finalChecksum, ...model } = loaded.value;
  const bytes = query.format === "docx" ? await renderDocx(model) : await renderPdf(model);
  if (finalChecksum) {
    await auditFinalExport(db, user, statementId, { format: query.format, checksum: finalChecksum });
  }
  return { ok: true, value: { format: query.format, bytes, fileName: exportFileName(model, query.format) } };
}
