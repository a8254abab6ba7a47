import { describe, expect, it } from "vitest";
import { authorshipDecorations, authorsLabel } from "./authorship-highlights";
import { sectionSchema } from "./schema";

const sara = { name: "Sara Lindqvist", unit: "Barn- och ungdomsenheten", color: "#1f5f99" };
const ahmed = { name: "Ahmed Yilmaz", unit: "Enheten för ekonomiskt bistånd", color: "#8a3b12" };

function documentOf(...paragraphs: string[]) {
  return sectionSchema().nodeFromJSON({
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  });
}

/** Which block (by its text) carries which authors' names. */
function decorated(doc: ReturnType<typeof documentOf>, blocks: Parameters<typeof authorshipDecorations>[1]) {
  return authorshipDecorations(doc, blocks)
    .find()
    .map((decoration) => [
      doc.textBetween(decoration.from, decoration.to),
      (decoration.spec.authors as { name: string }[]).map((author) => author.name),
    ]);
}

describe("authorshipDecorations", () => {
  it("marks each block with who wrote it, by position", () => {
    const doc = documentOf("Första.", "Andra.", "Tredje.");
    const blocks = [
      { text: "Första.", authors: [sara] },
      { text: "Andra.", authors: [] },
      { text: "Tredje.", authors: [ahmed, sara] },
    ];
    expect(decorated(doc, blocks)).toEqual([
      ["Första.", ["Sara Lindqvist"]],
      ["Tredje.", ["Ahmed Yilmaz", "Sara Lindqvist"]],
    ]);
  });

  it("leaves blocks changed since the authorship was read plain, and shows nothing when off", () => {
    const doc = documentOf("Första, ändrad.", "Andra.");
    const blocks = [
      { text: "Första.", authors: [sara] },
      { text: "Andra.", authors: [ahmed] },
    ];
    expect(decorated(doc, blocks)).toEqual([["Andra.", ["Ahmed Yilmaz"]]]);
    expect(authorshipDecorations(doc, null).find()).toEqual([]);
  });

  it("names the writers with their units in the label", () => {
    expect(authorsLabel([sara, { ...ahmed, unit: null }])).toBe(
      "Skrivet av Sara Lindqvist (Barn- och ungdomsenheten), Ahmed Yilmaz",
    );
  });
});
