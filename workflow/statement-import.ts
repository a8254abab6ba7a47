import type { DocxImportPreview, DocxUpload } from "../contracts/statement-import";
import type { Database } from "../db/client";
import { createNewStatement, UnknownPreparingUnitsError } from "../db/queries/new-statement";
import { listUnits } from "../db/queries/units";
import type { SessionUser } from "../db/queries/users";
import { canCreateStatement } from "../domain/access";
import type { ContentBlock } from "../domain/content";
import { type DocxStatementImport, importDocxStatement } from "../domain/import/docx-statement";
import { StatementImportError } from "../domain/import/plain-text-statement";
import { NEW_STATEMENT_MESSAGES, type NewStatementInput } from "../domain/new-statement";
import { fail, type WorkflowResult } from "./result";

const MAY_NOT_CREATE = "Du har inte behörighet att skapa tjänsteutlåtanden";

async function readDocx(file: DocxUpload): Promise<WorkflowResult<DocxStatementImport>> {
  try {
    return { ok: true, value: await importDocxStatement(Buffer.from(file.data, "base64")) };
  } catch (error) {
    if (error instanceof StatementImportError) return fail(400, error.message);
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
  if (!canCreateStatement(user)) return fail(403, MAY_NOT_CREATE);
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
 * Creates a statement from a Word file: the details as the user confirmed them in the form, the
 * signatories and every section's text from the file. Nothing is stored when the file is refused.
 */
export async function createFromDocx(
  db: Database,
  user: SessionUser,
  file: DocxUpload,
  input: NewStatementInput,
): Promise<WorkflowResult<{ id: string }>> {
  if (!canCreateStatement(user)) return fail(403, MAY_NOT_CREATE);
  const read = await readDocx(file);
  if (!read.ok) return read;
  const { document } = read.value;
  try {
    const id = await createNewStatement(db, {
      organisationId: user.organisationId,
      createdBy: user.id,
      input,
      imported: {
        signatories: document.signatories,
        contentByKey: new Map(document.sections.map((section) => [section.key, section.blocks])),
      },
    });
    return { ok: true, value: { id } };
  } catch (error) {
    if (error instanceof UnknownPreparingUnitsError) {
      return fail(400, NEW_STATEMENT_MESSAGES.preparingUnitNotInOrganisation);
    }
    throw error;
  }
}
