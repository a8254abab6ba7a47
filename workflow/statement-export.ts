import {
  type ExportFormat,
  PDF_ENGINE_UNAVAILABLE,
  type StatementExportQuery,
} from "../contracts/statement-export";
import type { Database } from "../db/client";
import type { SessionUser } from "../db/queries/users";
import { renderDocx } from "../document/docx";
import { exportFileName, type StatementDocumentModel } from "../document/model";
import { PdfEngineUnavailableError, renderPdf } from "../document/pdf";
import { fail, type WorkflowResult } from "./result";
import { auditFinalExport, loadStatementDocument } from "./statement-document";

export interface ExportedStatement {
  format: ExportFormat;
  bytes: Buffer;
  fileName: string;
}

/** The rendered file, or null when the PDF engine is missing. */
async function render(model: StatementDocumentModel, format: ExportFormat): Promise<Buffer | null> {
  if (format === "docx") return renderDocx(model);
  try {
    return await renderPdf(model);
  } catch (error) {
    if (error instanceof PdfEngineUnavailableError) return null;
    throw error;
  }
}

/**
 * Exports the statement as DOCX or PDF, for anyone who may read it. A justerad statement is
 * exported from its frozen final version, and the export is audited with that version's checksum.
 * A missing PDF engine is an "unavailable" failure; DOCX does not need it.
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
  const bytes = await render(model, query.format);
  if (!bytes) return fail("unavailable", PDF_ENGINE_UNAVAILABLE);
  if (finalChecksum) {
    await auditFinalExport(db, user, statementId, { format: query.format, checksum: finalChecksum });
  }
  return { ok: true, value: { format: query.format, bytes, fileName: exportFileName(model, query.format) } };
}
