import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  anchorPassage,
  decodeAnchorPosition,
  encodeAnchor,
  isValidAnchor,
  resolveAnchor,
} from "./comment-anchors";
import { encodeInitialDocument } from "./section-content";

const SENTENCE = "Motionen har av kommunstyrelsen remitterats till socialnämnden.";
const PASSAGE = "kommunstyrelsen remitterats";

/** Two replicas of one statement that exchange updates as the collaboration server relays them. */
function replicas() {
  const a = new Y.Doc();
  Y.applyUpdate(
    a,
    encodeInitialDocument([{ key: "bakgrund", blocks: [{ type: "paragraph", text: SENTENCE }] }]),
  );
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b };
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

function textOf(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("bakgrund").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** The anchor's passage in a replica, created in `a` and travelling as base64 like over the API. */
function anchoredPassage(doc: Y.Doc, encoded: { start: string; end: string }): string | null {
  const anchor = { start: decodeAnchorPosition(encoded.start), end: decodeAnchorPosition(encoded.end) };
  const resolved = resolveAnchor(doc, doc.getXmlFragment("bakgrund"), anchor);
  if (!resolved) return null;
  return textOf(doc).toString().slice(resolved.start.index, resolved.end.index);
}

function anchorInA(a: Y.Doc) {
  const text = textOf(a);
  const from = SENTENCE.indexOf(PASSAGE);
  return encodeAnchor(
    anchorPassage({ type: text, index: from }, { type: text, index: from + PASSAGE.length }),
  );
}

describe("comment anchors across replicas", () => {
  it("keep covering the same words when the other replica inserts right before and right after", () => {
    const { a, b } = replicas();
    const anchor = anchorInA(a);
    const from = SENTENCE.indexOf(PASSAGE);
    textOf(b).insert(from + PASSAGE.length, " nyligen");
    textOf(b).insert(from, "den ansvariga ");
    textOf(a).insert(0, "Enligt uppgift: ");
    sync(a, b);
    expect(textOf(a).toString()).toBe(textOf(b).toString());
    for (const doc of [a, b]) expect(anchoredPassage(doc, anchor)).toBe(PASSAGE);
  });

  it("grow with text inserted inside the passage", () => {
    const { a, b } = replicas();
    const anchor = anchorInA(a);
    textOf(b).insert(SENTENCE.indexOf("remitterats"), "formellt ");
    sync(a, b);
    for (const doc of [a, b])
      expect(anchoredPassage(doc, anchor)).toBe("kommunstyrelsen formellt remitterats");
  });

  it("collapse (the thread is detached) when the passage is deleted concurrently", () => {
    const { a, b } = replicas();
    const anchor = anchorInA(a);
    textOf(b).delete(SENTENCE.indexOf(PASSAGE), PASSAGE.length);
    textOf(a).insert(0, "Nytt: ");
    sync(a, b);
    for (const doc of [a, b]) expect(anchoredPassage(doc, anchor)).toBe("");
  });

  it("are valid only in the section they were made in, and only when well-formed", () => {
    const { a } = replicas();
    const anchor = anchorInA(a);
    expect(isValidAnchor(a, "bakgrund", anchor)).toBe(true);
    expect(isValidAnchor(a, "sammanfattning", anchor)).toBe(false);
    expect(isValidAnchor(a, "bakgrund", { start: "inte base64!", end: anchor.end })).toBe(false);
    expect(isValidAnchor(a, "bakgrund", { start: "AAAA", end: anchor.end })).toBe(false);
    const elsewhere = new Y.Doc();
    elsewhere.getText("x").insert(0, "annat dokument");
    const foreign = encodeAnchor(
      anchorPassage({ type: elsewhere.getText("x"), index: 0 }, { type: elsewhere.getText("x"), index: 5 }),
    );
    expect(isValidAnchor(a, "bakgrund", foreign)).toBe(false);
  });

  it("never add a top-level type to the document when they name one it does not have", () => {
    const { a } = replicas();
    const named = (name: string) => {
      const position = Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment(name), 0);
      const encoded = encodeAnchor({ start: position, end: position });
      return isValidAnchor(a, "bakgrund", encoded);
    };
    const before = [...a.share.keys()];
    expect(named("finns-inte")).toBe(false);
    expect(named("sammanfattning")).toBe(false);
    expect([...a.share.keys()]).toEqual(before);
    // A position at the start of the section's own (empty or not) top-level type is in the section.
    expect(named("bakgrund")).toBe(true);
  });
});
