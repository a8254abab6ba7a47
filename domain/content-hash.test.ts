import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./content-hash";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("escapes strings as JSON does", () => {
    expect(canonicalJson({ text: 'Citat "så" här\n' })).toBe('{"text":"Citat \\"så\\" här\\n"}');
  });
});

describe("contentHash", () => {
  const doc = {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "Bakgrund" }] }],
  };

  it("is the same for the same content, whatever the key order", () => {
    const reordered = {
      content: [{ content: [{ text: "Bakgrund", type: "text" }], type: "paragraph" }],
      type: "doc",
    };
    expect(contentHash(reordered)).toBe(contentHash(doc));
  });

  it("is a SHA-256 of the canonical JSON", () => {
    // sha256 of '{"a":1}', computed independently (e.g. `printf '{"a":1}' | sha256sum`).
    expect(contentHash({ a: 1 })).toBe(
      "sha256:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862",
    );
  });

  it("changes with any text or mark change", () => {
    const changedText = {
      ...doc,
      content: [{ type: "paragraph", content: [{ type: "text", text: "Bakgrunden" }] }],
    };
    const bold = {
      ...doc,
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Bakgrund", marks: [{ type: "bold" }] }] },
      ],
    };
    expect(new Set([contentHash(doc), contentHash(changedText), contentHash(bold)]).size).toBe(3);
  });
});
