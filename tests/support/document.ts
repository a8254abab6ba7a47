import * as Y from "yjs";
import { fragmentPlainText } from "../../editor/section-content";

/** The text node of a section's top-level paragraph: where a user types. */
export function paragraphText(doc: Y.Doc, sectionKey: string, paragraph = 0): Y.XmlText {
  const element = doc.getXmlFragment(sectionKey).get(paragraph);
  const text = element instanceof Y.XmlElement ? element.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error(`${sectionKey}[${paragraph}] is not a text paragraph`);
  return text;
}

export function insertAtStart(doc: Y.Doc, sectionKey: string, text: string): void {
  paragraphText(doc, sectionKey).insert(0, text);
}

export function sectionText(doc: Y.Doc, sectionKey: string): string {
  return fragmentPlainText(doc.getXmlFragment(sectionKey));
}
