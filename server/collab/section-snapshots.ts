import * as Y from "yjs";
import { contentHash } from "../../domain/content-hash";
import { fragmentPlainText } from "../../editor/section-content";
import { sectionContent } from "../../editor/section-hash";
import type {
  CapturedStatement,
  SectionParagraphs,
  SectionSnapshot,
} from "../../workflow/statement-documents";

export function snapshotSections(doc: Y.Doc, keys: string[]): SectionSnapshot[] {
  return keys.map((key) => {
    const fragment = doc.getXmlFragment(key);
    const content = sectionContent(fragment);
    return { key, hash: contentHash(content), content, text: fragmentPlainText(fragment) };
  });
}

/** The whole state, as Yjs' V2 update (the smaller for a stored version), and the sections, at one moment. */
export function captureStatement(doc: Y.Doc, keys: string[]): CapturedStatement {
  return { documentStateV2: Y.encodeStateAsUpdateV2(doc), sections: snapshotSections(doc, keys) };
}

/** The Yjs client ids whose characters are in the node and below it. */
function collectClients(node: Y.XmlElement | Y.XmlText | Y.XmlHook, into: Set<number>): void {
  if (node instanceof Y.XmlText) {
    for (let item = node._start; item; item = item.right) {
      if (!item.deleted && item.countable) into.add(item.id.client);
    }
    return;
  }
  if (node instanceof Y.XmlElement) for (const child of node.toArray()) collectClients(child, into);
}

/** Each top-level block of each section: its text and the client ids that wrote it. */
export function sectionParagraphs(doc: Y.Doc, keys: string[]): SectionParagraphs[] {
  return keys.map((key) => ({
    key,
    paragraphs: doc
      .getXmlFragment(key)
      .toArray()
      .flatMap((node) => {
        if (!(node instanceof Y.XmlElement)) return [];
        const clientIds = new Set<number>();
        collectClients(node, clientIds);
        return [{ text: fragmentPlainText(node), clientIds: [...clientIds] }];
      }),
  }));
}
