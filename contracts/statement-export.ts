import { z } from "zod";

/** GET /api/statements/:id/export?format=docx|pdf[&approvals=1]: the query's schema. */
export const statementExportQuerySchema = z.object({
  format: z.enum(["docx", "pdf"], { error: "Ange format=docx eller format=pdf." }),
  approvals: z
    .enum(["0", "1"], { error: "approvals ska vara 0 eller 1." })
    .optional()
    .transform((value) => value === "1"),
});

export type StatementExportQuery = z.output<typeof statementExportQuerySchema>;
export type ExportFormat = StatementExportQuery["format"];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

export const PDF_ENGINE_UNAVAILABLE =
  "PDF-export är inte tillgänglig just nu: PDF-motorn (Chromium) saknas på servern. Exportera som Word (DOCX) i stället.";
