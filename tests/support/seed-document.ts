import type { JSONContent } from "@tiptap/core";
import { nodeText, type StatementDocumentModel } from "../../document/model";
import { blocksToDocumentJSON } from "../../editor/section-content";
import { readSeedStatement } from "./seed-statement";

/** The seed statement as a document model, without a database (tests and the bench). */
export function seedDocumentModel(): StatementDocumentModel {
  const statement = readSeedStatement();
  return {
    organisation: "Hässelby-Vällingby stadsdelsförvaltning",
    avdelning: "Socialtjänstavdelningen",
    title: statement.title,
    recipient: statement.recipient,
    diarienummer: "1.5-123/2011",
    date: "2011-08-15",
    contacts: [{ name: "Sara Lindqvist", title: "utredare", phone: "08-508 03 000", email: null }],
    signatories: statement.signatories,
    draft: true,
    sections: statement.sections.map((section) => ({
      key: section.key,
      title: section.title,
      content: blocksToDocumentJSON(section.blocks),
    })),
    approvals: null,
  };
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** Each section's title followed by the texts of its paragraphs and list items, in order. */
export function documentTexts(model: StatementDocumentModel): string[] {
  const blockTexts = (node: JSONContent): string[] =>
    node.type === "paragraph" || node.type === "heading"
      ? [collapse(nodeText(node))]
      : (node.content ?? []).flatMap(blockTexts);
  return model.sections.flatMap((section) => [section.title, ...blockTexts(section.content)]).filter(Boolean);
}

/**
 * Fails unless every text occurs in `haystack` in the given order; whitespace is compared
 * collapsed (renderers wrap lines). Returns the texts that were not found in order.
 */
export function missingInOrder(haystack: string, texts: string[]): string[] {
  const text = collapse(haystack);
  const missing: string[] = [];
  let from = 0;
  for (const wanted of texts) {
    const at = text.indexOf(wanted, from);
    if (at < 0) missing.push(wanted);
    else from = at + wanted.length;
  }
  return missing;
}
