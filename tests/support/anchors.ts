import * as Y from "yjs";
import {
  anchorPassage,
  decodeAnchorPosition,
  type EncodedAnchor,
  encodeAnchor,
  resolveAnchor,
} from "../../editor/comment-anchors";

/*
 * Comment anchors on a client's copy of a statement, built as the editor builds them. Free of
 * vitest, so the Playwright specs use them too.
 */

function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === "string" ? op.insert : "\uFFFC"))
    .join("");
}

function xmlTexts(node: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  return node
    .toArray()
    .flatMap((child) =>
      child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? xmlTexts(child) : [],
    );
}

/** The text node of a section that holds `passage`, and the index the passage starts at. */
export function findPassage(doc: Y.Doc, sectionKey: string, passage: string) {
  for (const text of xmlTexts(doc.getXmlFragment(sectionKey))) {
    const index = plainText(text).indexOf(passage);
    if (index >= 0) return { text, index };
  }
  throw new Error(`"${passage}" is not in ${sectionKey}`);
}

/** An anchor on `passage`, built on the client's document as the editor builds it. */
export function passageAnchor(doc: Y.Doc, sectionKey: string, passage: string): EncodedAnchor {
  const { text, index } = findPassage(doc, sectionKey, passage);
  return encodeAnchor(anchorPassage({ type: text, index }, { type: text, index: index + passage.length }));
}

/** The text a stored anchor covers in `doc` now; null when it does not resolve into the section. */
export function anchoredText(doc: Y.Doc, sectionKey: string, anchor: EncodedAnchor): string | null {
  const decoded = { start: decodeAnchorPosition(anchor.start), end: decodeAnchorPosition(anchor.end) };
  const resolved = resolveAnchor(doc, doc.getXmlFragment(sectionKey), decoded);
  if (!resolved) return null;
  if (!(resolved.start.type instanceof Y.XmlText) || resolved.start.type !== resolved.end.type) {
    throw new Error("The passage spans more than one text node");
  }
  return plainText(resolved.start.type).slice(resolved.start.index, resolved.end.index);
}
