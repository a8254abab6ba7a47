import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeInitialDocument, fragmentPlainText, writeBlocksToFragment } from "./section-content";

describe("section content", () => {
  it("writes paragraphs and numbered lists into a fragment and reads them back as text", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("forslag");
    writeBlocksToFragment(fragment, [
      { type: "orderedList", items: ["Första förslaget.", "Andra förslaget"] },
      { type: "paragraph", text: "Ett stycke." },
    ]);
    expect(fragment.toArray().map((node) => (node as Y.XmlElement).nodeName)).toEqual([
      "orderedList",
      "paragraph",
    ]);
    expect(fragmentPlainText(fragment)).toBe("Första förslaget.\nAndra förslaget\nEtt stycke.");
  });

  it("gives an empty section one empty paragraph so it can be edited", () => {
    const doc = new Y.Doc();
    writeBlocksToFragment(doc.getXmlFragment("tom"), []);
    expect(doc.getXmlFragment("tom").length).toBe(1);
    expect(fragmentPlainText(doc.getXmlFragment("tom"))).toBe("");
  });

  it("encodes one fragment per section key", () => {
    const state = encodeInitialDocument([
      { key: "a", blocks: [{ type: "paragraph", text: "Alfa" }] },
      { key: "b", blocks: [{ type: "paragraph", text: "Beta" }] },
    ]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    expect(fragmentPlainText(doc.getXmlFragment("a"))).toBe("Alfa");
    expect(fragmentPlainText(doc.getXmlFragment("b"))).toBe("Beta");
  });
});
