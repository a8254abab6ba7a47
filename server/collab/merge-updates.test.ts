import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mergeUpdatesInRounds } from "./merge-updates";

function typedUpdates(writers: number, keystrokes: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const docs = Array.from({ length: writers }, () => new Y.Doc());
  for (const doc of docs) doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < keystrokes; i++) {
    const doc = docs[i % writers] as Y.Doc;
    const text = doc.getText("body");
    text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  }
  return updates;
}

function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText("body").toString();
}

describe("mergeUpdatesInRounds", () => {
  it("returns a single update unchanged", () => {
    const [only] = typedUpdates(1, 1) as [Uint8Array];
    expect(mergeUpdatesInRounds([only])).toBe(only);
  });

  it("gives the same document as one Y.mergeUpdates over many rounds of inputs", () => {
    for (const [writers, keystrokes] of [
      [1, 17],
      [3, 300],
      [5, 1000],
    ] as const) {
      const updates = typedUpdates(writers, keystrokes);
      const merged = mergeUpdatesInRounds(updates);
      expect(textOf(merged)).toBe(textOf(Y.mergeUpdates(updates)));
      expect(Y.encodeStateVectorFromUpdate(merged)).toEqual(
        Y.encodeStateVectorFromUpdate(Y.mergeUpdates(updates)),
      );
    }
  });

  it("refuses an empty list instead of inventing an update", () => {
    expect(() => mergeUpdatesInRounds([])).toThrow();
  });
});
