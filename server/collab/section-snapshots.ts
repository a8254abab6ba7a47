import * as Y from "yjs";
import { contentHash } from "../../domain/content-hash";
import { fragmentPlainText } from "../../editor/section-content";
import { sectionContent } from "../../editor/section-hash";
import type { CapturedStatement, SectionSnapshot } from "./statement-documents";

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
