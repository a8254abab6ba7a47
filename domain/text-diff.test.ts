import { describe, expect, it } from "vitest";
import { diffParagraphs, diffWords } from "./text-diff";

const join = (parts: { kind: string; text: string }[], kinds: string[]) =>
  parts
    .filter((part) => kinds.includes(part.kind))
    .map((part) => part.text)
    .join("");

describe("diffWords", () => {
  it("shows one changed word between unchanged text", () => {
    expect(
      diffWords("Segregeringen har ökat under senare år.", "Segregeringen har minskat under senare år."),
    ).toEqual([
      { kind: "same", text: "Segregeringen har " },
      { kind: "removed", text: "ökat" },
      { kind: "added", text: "minskat" },
      { kind: "same", text: " under senare år." },
    ]);
  });

  it("shows text added after a sentence as added only, not the sentence's last word again", () => {
    expect(diffWords("Trygghet i staden.", "Trygghet i staden. Och i förorten.")).toEqual([
      { kind: "same", text: "Trygghet i staden." },
      { kind: "added", text: " Och i förorten." },
    ]);
  });

  it("rebuilds both texts exactly", () => {
    const approved = "Förvaltningen samverkar med skolan,\nförskolan och polisen.";
    const current = "Förvaltningen samverkar aktivt med skolan och polisen.\nNy mening.";
    const parts = diffWords(approved, current);
    expect(join(parts, ["same", "removed"])).toBe(approved);
    expect(join(parts, ["same", "added"])).toBe(current);
  });

  it("gives a single unchanged part for equal texts and handles empty ones", () => {
    expect(diffWords("Lika text.", "Lika text.")).toEqual([{ kind: "same", text: "Lika text." }]);
    expect(diffWords("", "Ny")).toEqual([{ kind: "added", text: "Ny" }]);
    expect(diffWords("Bort", "")).toEqual([{ kind: "removed", text: "Bort" }]);
  });
});

describe("diffParagraphs", () => {
  it("shows only the changed paragraph word by word, one paragraph of context around it", () => {
    const before = ["Ett.", "Två.", "Tre.", "Fyra.", "Fem."].join("\n");
    const after = ["Ett.", "Två.", "Tre och mer.", "Fyra.", "Fem."].join("\n");
    expect(diffParagraphs(before, after)).toEqual([
      { kind: "collapsed", paragraphs: 1 },
      { kind: "context", text: "Två." },
      {
        kind: "changed",
        parts: [
          { kind: "same", text: "Tre" },
          { kind: "added", text: " och mer" },
          { kind: "same", text: "." },
        ],
      },
      { kind: "context", text: "Fyra." },
      { kind: "collapsed", paragraphs: 1 },
    ]);
  });

  it("shows an added last paragraph as added only", () => {
    expect(diffParagraphs("Ett.\nTvå.", "Ett.\nTvå.\nTre.")).toEqual([
      { kind: "collapsed", paragraphs: 1 },
      { kind: "context", text: "Två." },
      { kind: "changed", parts: [{ kind: "added", text: "Tre." }] },
    ]);
  });
});
