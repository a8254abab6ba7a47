import { describe, expect, it } from "vitest";
import { keyFromTitle, moved } from "./template-editing";

describe("template drafts", () => {
  it("proposes a key from a Swedish title", () => {
    expect(keyFromTitle("Förvaltningens yttrande och synpunkter")).toBe(
      "forvaltningens-yttrande-och-synpunkter",
    );
    expect(keyFromTitle("  Ärendets beredning! ")).toBe("arendets-beredning");
  });

  it("moves an item up or down, and leaves the ends as they are", () => {
    expect(moved(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});
