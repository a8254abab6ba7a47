import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeInitialDocument } from "./section-content";
import { sectionHash } from "./section-hash";

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, encodeInitialDocument([{ key: "bakgrund", blocks: [{ type: "paragraph", text }] }]));
  return doc;
}

function firstText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("bakgrund").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

describe("sectionHash", () => {
  it("is the same for the same content built independently, and after a reload", () => {
    const a = docWith("Motionen har remitterats.");
    const b = docWith("Motionen har remitterats.");
    expect(a.clientID).not.toBe(b.clientID);
    expect(sectionHash(a.getXmlFragment("bakgrund"))).toBe(sectionHash(b.getXmlFragment("bakgrund")));
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(a));
    expect(sectionHash(reloaded.getXmlFragment("bakgrund"))).toBe(sectionHash(a.getXmlFragment("bakgrund")));
  });

  it("is the same when the same text was typed in pieces", () => {
    const typed = docWith("Motionen remitterats.");
    firstText(typed).insert("Motionen ".length, "har ");
    expect(sectionHash(typed.getXmlFragment("bakgrund"))).toBe(
      sectionHash(docWith("Motionen har remitterats.").getXmlFragment("bakgrund")),
    );
  });

  it("changes with a text change and with a mark change, and returns when the change is undone", () => {
    const doc = docWith("Motionen har remitterats.");
    const fragment = doc.getXmlFragment("bakgrund");
    const original = sectionHash(fragment);
    firstText(doc).insert(0, "X");
    const withText = sectionHash(fragment);
    firstText(doc).delete(0, 1);
    expect(sectionHash(fragment)).toBe(original);
    firstText(doc).format(0, 8, { bold: {} });
    const withBold = sectionHash(fragment);
    expect(new Set([original, withText, withBold]).size).toBe(3);
  });
});
