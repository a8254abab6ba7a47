import { describe, expect, it } from "vitest";
import { hasForbiddenText } from "./text-safety";

describe("forbidden text in request bodies", () => {
  it("finds NUL and lone surrogates anywhere, and lets whole pairs and ordinary text through", () => {
    expect(hasForbiddenText({ title: "a\u0000b" })).toBe(true);
    expect(hasForbiddenText({ nested: [{ body: "x\uD800" }] })).toBe(true);
    expect(hasForbiddenText({ body: "\uDC00x" })).toBe(true);
    expect(hasForbiddenText({ "k\u0000": 1 })).toBe(true);
    expect(hasForbiddenText({ title: "Jämlikhet 😀", n: 3, ok: true, none: null })).toBe(false);
  });
});
