import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { keystrokeUpdates } from "../../tests/support/keystrokes";
import { mergeUpdatesInRounds } from "./merge-updates";

function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText("body").toString();
}

describe("mergeUpdatesInRounds", () => {
  it("returns a single update unchanged", () => {
    const [only] = keystrokeUpdates(1, 1, "body") as [Uint8Array];
    expect(mergeUpdatesInRounds([only])).toBe(only);
  });

  it("gives the same document as one Y.mergeUpdates over many rounds of inputs", () => {
    for (const [writers, keystrokes] of [
      [1, 17],
      [3, 300],
      [5, 1000],
    ] as const) {
      const updates = keystrokeUpdates(writers, keystrokes, "body");
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
