import { fromBase64, toBase64 } from "lib0/buffer";
import * as Y from "yjs";
import { BASE64_PATTERN } from "../contracts/common";

/** A commented passage: Yjs relative positions, base64-encoded as they travel in the API. */
export interface EncodedAnchor {
  start: string;
  end: string;
}

export interface TypeIndex {
  type: Parameters<typeof Y.createRelativePositionFromTypeIndex>[0];
  index: number;
}

/**
 * Anchors a passage so that it keeps covering the same words: the start sticks to the passage's
 * first character and the end to its last, so text typed right before or right after the passage
 * stays outside it, and text typed inside it is included.
 */
export function anchorPassage(
  start: TypeIndex,
  end: TypeIndex,
): { start: Y.RelativePosition; end: Y.RelativePosition } {
  return {
    start: Y.createRelativePositionFromTypeIndex(start.type, start.index, 0),
    end: Y.createRelativePositionFromTypeIndex(end.type, end.index, -1),
  };
}

export function encodeAnchor(anchor: { start: Y.RelativePosition; end: Y.RelativePosition }): EncodedAnchor {
  return {
    start: toBase64(Y.encodeRelativePosition(anchor.start)),
    end: toBase64(Y.encodeRelativePosition(anchor.end)),
  };
}

/** Throws on anything that is not base64 of an encoded relative position. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition {
  if (!BASE64_PATTERN.test(encoded)) throw new Error("Not base64");
  return Y.decodeRelativePosition(fromBase64(encoded));
}

/**
 * Where an anchor points in the document now, or null when it does not point into the section
 * (malformed, unknown to this document, or in another section).
 */
export function resolveAnchor(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  anchor: { start: Y.RelativePosition; end: Y.RelativePosition },
): { start: Y.AbsolutePosition; end: Y.AbsolutePosition } | null {
  // Yjs resolves a position naming a top-level type with `doc.get(name)`, which would add that
  // type to the (server's live) document when it does not exist: only the section's own name counts.
  const section: unknown = fragment;
  const namesOtherType = (position: Y.RelativePosition) =>
    position.tname !== null && doc.share.get(position.tname) !== section;
  if (namesOtherType(anchor.start) || namesOtherType(anchor.end)) return null;
  const start = Y.createAbsolutePositionFromRelativePosition(anchor.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(anchor.end, doc);
  const inSection = (position: Y.AbsolutePosition | null) =>
    position !== null && (position.type === fragment || Y.isParentOf(fragment, position.type._item));
  return inSection(start) && inSection(end)
    ? { start: start as Y.AbsolutePosition, end: end as Y.AbsolutePosition }
    : null;
}

/** Checks an API-supplied anchor against the live document: both ends must lie in the section. */
export function isValidAnchor(doc: Y.Doc, sectionKey: string, anchor: EncodedAnchor): boolean {
  try {
    const decoded = { start: decodeAnchorPosition(anchor.start), end: decodeAnchorPosition(anchor.end) };
    return resolveAnchor(doc, doc.getXmlFragment(sectionKey), decoded) !== null;
  } catch {
    return false;
  }
}
