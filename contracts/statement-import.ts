import { z } from "zod";
import { newStatementSchema } from "../domain/new-statement";
import { idSchema, isoDateSchema } from "./common";

/*
 * Word import. The file travels as base64 inside JSON, so the import routes take
 * `Content-Type: application/json` like every other state-changing route.
 *
 * POST /api/statements/import/preview  { file }             → 200 DocxImportPreview (nothing is stored)
 * POST /api/statements/import          { file, statement }  → 201 { id }
 */

/** 10 MB as base64, with room for padding. */
const MAX_BASE64_LENGTH = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4;

export const DOCX_TOO_LARGE = "Filen är för stor. Ett Word-dokument får vara högst 10 MB.";

export const docxUploadSchema = z.object(
  {
    fileName: z.string().max(255).optional(),
    data: z
      .string({ error: "Skicka filens innehåll som base64 i fältet data." })
      .max(MAX_BASE64_LENGTH + 1024 * 1024, DOCX_TOO_LARGE)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Filens innehåll är inte giltig base64."),
  },
  { error: "Skicka filen som ett JSON-objekt med fältet data." },
);

export const docxImportPreviewRequestSchema = z.object({ file: docxUploadSchema });

export const docxImportCreateRequestSchema = z.object({
  file: docxUploadSchema,
  statement: z.unknown(),
});

export type DocxUpload = z.output<typeof docxUploadSchema>;

/** 200 of the preview: what the file holds, proposed for the new-statement form. */
export const docxImportPreviewSchema = z.object({
  /** Details found in the document, proposed for the new-statement form. */
  proposal: z.object({
    recipient: z.string(),
    title: z.string(),
    diarienummer: z.string().nullable(),
    remissSender: z.string().nullable(),
    deadline: isoDateSchema.nullable(),
    extendedDeadline: isoDateSchema.nullable(),
    signatories: z.array(z.object({ name: z.string(), title: z.string() })),
    preparingUnitIds: z.array(idSchema),
  }),
  /** Each template section and the text found for it. */
  sections: z.array(z.object({ key: z.string(), title: z.string(), text: z.string() })),
  /** Text that belongs to no section of the template. */
  unmatched: z.array(z.string()),
});
export type DocxImportPreview = z.output<typeof docxImportPreviewSchema>;

/** The statement fields of the create request are those of a new statement. */
export const importedStatementSchema = newStatementSchema;
