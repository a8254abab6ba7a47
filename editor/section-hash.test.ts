import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sectionSchema } from "./schema";
import { encodeInitialDocument, fragmentPlainText } from "./section-content";
import { sectionContent, sectionHash } from "./section-hash";

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

/** A section holding one table of the given rows, each cell one paragraph. */
function tableSection(rows: string[][]): Y.XmlFragment {
  const cell = (text: string) => ({
    type: "tableCell",
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  });
  const json = {
    type: "doc",
    content: [{ type: "table", content: rows.map((row) => ({ type: "tableRow", content: row.map(cell) })) }],
  };
  const fragment = new Y.Doc().getXmlFragment("bilaga");
  prosemirrorJSONToYXmlFragment(sectionSchema(), json, fragment);
  return fragment;
}

describe("sectionHash of a table", () => {
  const costs = [
    ["Insats", "Kostnad"],
    ["Fältassistenter", "1,2 mnkr"],
  ];

  it("covers the table's rows and cells, the same on every replica", () => {
    const fragment = tableSection(costs);
    const table = sectionContent(fragment).content?.[0];
    expect(table?.type).toBe("table");
    expect(table?.content?.map((row) => row.content?.length)).toEqual([2, 2]);
    expect(fragmentPlainText(fragment)).toBe("Insats\nKostnad\nFältassistenter\n1,2 mnkr");
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(fragment.doc as Y.Doc));
    expect(sectionHash(replica.getXmlFragment("bilaga"))).toBe(sectionHash(fragment));
  });

  it("changes when one cell changes, or when cells move to another row", () => {
    const original = sectionHash(tableSection(costs));
    const changedCell = sectionHash(tableSection([costs[0] ?? [], ["Fältassistenter", "1,3 mnkr"]]));
    const oneRow = sectionHash(tableSection([[...(costs[0] ?? []), ...(costs[1] ?? [])]]));
    expect(new Set([original, changedCell, oneRow]).size).toBe(3);
  });
});
