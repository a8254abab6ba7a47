import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type ChainLink, encodeVersionState, MAX_CHAIN_DEPTH, rebuildVersionDoc } from "./version-chain";

function typed(doc: Y.Doc, text: string): Uint8Array {
  doc.getText("t").insert(doc.getText("t").length, text);
  return Y.encodeStateAsUpdateV2(doc);
}

describe("version state chains", () => {
  it("stores the first version whole and the next as a diff that rebuilds it", () => {
    const doc = new Y.Doc();
    const first = encodeVersionState(typed(doc, "a".repeat(200)), null);
    expect(first.baseVersionId).toBeNull();
    const second = encodeVersionState(typed(doc, "b"), { id: "v1", ...first });
    expect(second.baseVersionId).toBe("v1");
    expect(second.chainDepth).toBe(1);
    expect(second.state.byteLength).toBeLessThan(Y.encodeStateAsUpdateV2(doc).byteLength);
    const rebuilt = rebuildVersionDoc([
      { state: first.state, encoding: 2 },
      { state: second.state, encoding: 2 },
    ]);
    expect(rebuilt.getText("t").toString()).toBe(`${"a".repeat(200)}b`);
  });

  it("stores whole after a row without a state vector, at the depth limit, or when the diffs outweigh it", () => {
    const doc = new Y.Doc();
    const state = typed(doc, "a".repeat(200));
    const link: ChainLink = { id: "v", stateVector: Y.encodeStateVector(doc), chainDepth: 0, chainBytes: 0 };
    const next = typed(doc, "b");
    expect(encodeVersionState(next, { ...link, stateVector: null }).baseVersionId).toBeNull();
    expect(encodeVersionState(next, { ...link, chainDepth: MAX_CHAIN_DEPTH }).baseVersionId).toBeNull();
    expect(encodeVersionState(next, { ...link, chainBytes: state.byteLength }).baseVersionId).toBeNull();
    expect(encodeVersionState(next, link).baseVersionId).toBe("v");
  });

  it("stores whole when the state does not cover the previous version's", () => {
    const earlier = new Y.Doc();
    typed(earlier, "x".repeat(50));
    const other = new Y.Doc();
    const link: ChainLink = {
      id: "v",
      stateVector: Y.encodeStateVector(earlier),
      chainDepth: 0,
      chainBytes: 0,
    };
    expect(encodeVersionState(typed(other, "y"), link).baseVersionId).toBeNull();
  });
});
