import { createHash } from "node:crypto";
import * as Y from "yjs";
import { TJANSTEUTLATANDE_TEMPLATE } from "../../domain/template";
import { fragmentPlainText } from "../../editor/section-content";

const TEMPLATE_KEYS = TJANSTEUTLATANDE_TEMPLATE.map((section) => section.key);

/** Every root type of the document, in a fixed order (template order, then by name). */
function rootKeys(doc: Y.Doc): string[] {
  const present = new Set(doc.share.keys());
  const extra = [...present].filter((key) => !TEMPLATE_KEYS.includes(key)).sort();
  return [...TEMPLATE_KEYS.filter((key) => present.has(key)), ...extra];
}

export interface DocumentDigest {
  /** sha256 over every section's full XML (element names, attributes and text). */
  hash: string;
  /** Characters of plain text over all sections. */
  textLength: number;
}

/** What "the text" of a statement is, for integrity checks: every section's content, structure included. */
export function digestDocument(doc: Y.Doc): DocumentDigest {
  const hash = createHash("sha256");
  let textLength = 0;
  for (const key of rootKeys(doc)) {
    const fragment = doc.getXmlFragment(key);
    hash.update(key).update("\u0000").update(fragment.toString()).update("\u0000");
    textLength += fragmentPlainText(fragment).length;
  }
  return { hash: hash.digest("hex"), textLength };
}

export function digestUpdate(update: Uint8Array): DocumentDigest {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const digest = digestDocument(doc);
  doc.destroy();
  return digest;
}

/** The XmlText nodes holding text, in document order: where the typists type. */
export function textNodes(doc: Y.Doc): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment) => {
    if (node instanceof Y.XmlText) {
      if (node.length > 0) found.push(node);
      return;
    }
    if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment)
      for (const child of node.toArray()) visit(child);
  };
  for (const key of rootKeys(doc)) visit(doc.getXmlFragment(key));
  return found;
}
