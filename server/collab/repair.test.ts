import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeInitialDocument } from "../../editor/section-content";
import { sectionContent } from "../../editor/section-hash";
import { repairDocument, repairedAnything } from "./repair";

const SECTION = "sammanfattning";

/** A statement damaged in every way the guard now refuses. */
function damagedDocument(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    encodeInitialDocument([{ key: SECTION, blocks: [{ type: "paragraph", text: "Text" }] }]),
  );
  const attacker = new Y.Doc();
  attacker.getText(SECTION).insert(0, "bar sträng");
  attacker.getMap("x").set("a", "b".repeat(1000));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(attacker));
  const gapped = new Y.Doc();
  gapped.getText("t").insert(0, "a");
  const before = Y.encodeStateVector(gapped);
  gapped.getText("t").insert(1, "x".repeat(10_000));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(gapped, before));
  return doc;
}

describe("repairing a statement's document", () => {
  it("drops pending structs, foreign roots' content and a section's bare strings, and keeps its text", () => {
    const doc = damagedDocument();
    expect(doc.store.pendingStructs).not.toBeNull();
    const report = repairDocument(doc, new Set([SECTION]));
    expect(report.pendingStructBytes).toBeGreaterThan(10_000);
    expect(report.foreignRoots).toEqual(["x"]);
    expect(report.invalidSectionItems).toBe(1);
    const repaired = new Y.Doc();
    const state = Y.encodeStateAsUpdate(doc);
    Y.applyUpdate(repaired, state);
    expect(state.byteLength).toBeLessThan(1000);
    expect(repaired.store.pendingStructs).toBeNull();
    expect(repaired.getMap("x").size).toBe(0);
    expect(sectionContent(repaired.getXmlFragment(SECTION))).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Text" }] }],
    });
  });

  it("changes nothing in an intact document", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      encodeInitialDocument([{ key: SECTION, blocks: [{ type: "paragraph", text: "Text" }] }]),
    );
    doc.getXmlFragment(SECTION);
    expect(repairedAnything(repairDocument(doc, new Set([SECTION])))).toBe(false);
  });
});
