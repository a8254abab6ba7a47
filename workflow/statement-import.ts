import type { DocxImportPreview, DocxUpload } from "../contracts/statement-import";
import type { Database } from "../db/client";
import { listUnits } from "../db/queries/units";
import type { SessionUser } from "../db/queries/users";
import type { ContentBlock } from "../domain/content";
import { type DocxStatementImport, importDocxStatement } from "../domain/import/docx-statement";
import { StatementImportError } from "../domain/import/plain-text-statement";
import { startStatement, statementCreationRefusal } from "./new-statement";
import { fail, type WorkflowResult } from "./result";

async function readDocx(file: DocxUpload): Promise<WorkflowResult<DocxStatementImport>> {
  try {
    return { ok: true, value: await importDocxStatement(Buffer.from(file.data, "base64")) };
  } catch (error) {
    if (error instanceof StatementImportError) return fail("invalid", error.message);
    throw error;
  }
}

function blockText(block: ContentBlock): string {
  return "text" in block ? block.text : block.items.join("\n");
}

/** The organisation's units named in the document, in its order. */
async function unitIdsByName(db: Database, organisationId: string, names: string[]): Promise<string[]> {
  const units = await listUnits(db, organisationId);
  const byName = new Map(units.map((unit) => [unit.name.toLocaleLowerCase("sv"), unit.id]));
  return names.flatMap((name) => byName.get(name.trim().toLocaleLowerCase("sv")) ?? []);
}

/** Reads a Word file and proposes the new statement's details and sections; stores nothing. */
export async function previewDocxImport(
  db: Database,
  user: SessionUser,
  file: DocxUpload,
): Promise<WorkflowResult<DocxImportPreview>> {
  const refusal = statementCreationRefusal(user);
  if (refusal) return refusal;
  const read = await readDocx(file);
  if (!read.ok) return read;
  const { document, unmatched } = read.value;
  return {
    ok: true,
    value: {
      proposal: {
        recipient: document.recipient,
        title: document.title,
        diarienummer: document.diarienummer,
        remissSender: document.remissSender,
        deadline: document.deadline,
        extendedDeadline: document.extendedDeadline,
        preparingUnitIds: await unitIdsByName(db, user.organisationId, document.preparingUnits),
        signatories: document.signatories,
      },
      sections: document.sections.map((section) => ({
        key: section.key,
        title: section.title,
        text: section.blocks.map(blockText).join("\n"),
      })),
      unmatched,
    },
  };
}

/**
 * Creates a statement from a Word file and the form's raw values: the details the user confirmed,
 * signatories and every section's text from the file. Nothing is stored when the file is refused.
 */
export async function createFromDocx(
  db: Database,
  user: SessionUser,
  file: DocxUpload,
  statement: unknown,
): Promise<WorkflowResult<{ id: string }>> {
  const refusal = statementCreationRefusal(user);
  if (refusal) return refusal;
  const read = await readDocx(file);
  if (!read.ok) return read;
  const { document } = read.value;
  return startStatement(db, user, statement, {
    signatories: document.signatories,
    contentByKey: new Map(document.sections.map((section) => [section.key, section.blocks])),
  });
}
