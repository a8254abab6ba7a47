import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sectionContentRules } from "../../editor/content-rules";
import { sectionSchema } from "../../editor/schema";
import { encodeInitialDocument } from "../../editor/section-content";
import { type Inspection, inspectUpdate, type UpdatePolicy } from "./update-inspection";

const MINE = "mine";
const THEIRS = "theirs";
const policy: UpdatePolicy = {
  sectionKeys: new Set([MINE, THEIRS]),
  editableKeys: new Set([MINE]),
  rules: sectionContentRules(),
};

let server: Y.Doc;

beforeEach(() => {
  server = new Y.Doc();
  Y.applyUpdate(
    server,
    encodeInitialDocument([
      { key: MINE, blocks: [{ type: "paragraph", text: "Min text" }] },
      { key: THEIRS, blocks: [{ type: "paragraph", text: "Deras text" }] },
    ]),
  );
});

/** A client holding what the server holds. */
function synced(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  return doc;
}

/** The update `change` makes in `doc`, as one message. */
function updateOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => change(doc));
  return Y.encodeStateAsUpdate(doc, before);
}

function inspect(update: Uint8Array): Inspection {
  return inspectUpdate(server, Y.decodeUpdate(update), policy);
}

function textOf(doc: Y.Doc, key: string): Y.XmlText {
  return (doc.getXmlFragment(key).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function refusal(update: Uint8Array): string {
  const result = inspect(update);
  return result.ok ? "accepted" : result.kind;
}

describe("inspecting an update", () => {
  it("accepts typing, formatting, deleting and new paragraphs in one's own section", () => {
    expect(refusal(updateOf(synced(), (doc) => textOf(doc, MINE).insert(0, "Ny ")))).toBe("accepted");
    expect(refusal(updateOf(synced(), (doc) => textOf(doc, MINE).format(0, 3, { bold: {} })))).toBe(
      "accepted",
    );
    expect(refusal(updateOf(synced(), (doc) => textOf(doc, MINE).delete(0, 2)))).toBe("accepted");
    const link = { link: { href: "https://example.se", target: "_blank", rel: null, class: null } };
    expect(refusal(updateOf(synced(), (doc) => textOf(doc, MINE).format(0, 3, link)))).toBe("accepted");
    const paste = updateOf(synced(), (doc) => {
      const json = {
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Rubrik" }] },
          { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
        ],
      };
      prosemirrorJSONToYXmlFragment(sectionSchema(), json, doc.getXmlFragment(MINE));
    });
    expect(refusal(paste)).toBe("accepted");
  });

  it("resolves a chain of the update's own structs (typing after a new paragraph)", () => {
    const update = updateOf(synced(), (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      doc.getXmlFragment(MINE).insert(1, [paragraph]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.insert(0, "a");
      text.insert(1, "b");
      text.format(0, 2, { italic: {} });
    });
    expect(refusal(update)).toBe("accepted");
  });

  it("refuses inserts, deletions and formatting in another's section", () => {
    expect(refusal(updateOf(synced(), (doc) => textOf(doc, THEIRS).insert(0, "x")))).toBe("forbidden");
    expect(refusal(updateOf(synced(), (doc) => textOf(doc, THEIRS).delete(0, 2)))).toBe("forbidden");
    expect(refusal(updateOf(synced(), (doc) => textOf(doc, THEIRS).format(0, 2, { bold: {} })))).toBe(
      "forbidden",
    );
    expect(refusal(updateOf(synced(), (doc) => doc.getXmlFragment(THEIRS).delete(0, 1)))).toBe("forbidden");
  });

  it("refuses an insert into another's section hidden in an allowed update", () => {
    const update = updateOf(synced(), (doc) => {
      textOf(doc, MINE).insert(0, "ok ");
      textOf(doc, THEIRS).insert(0, "dolt ");
      textOf(doc, MINE).insert(0, "ok ");
    });
    expect(refusal(update)).toBe("forbidden");
  });

  it.each([
    ["a map root", (doc: Y.Doc) => doc.getMap("x").set("a", 1)],
    ["a text root", (doc: Y.Doc) => doc.getText("evil").insert(0, "x")],
    [
      "a fragment that is not a section",
      (doc: Y.Doc) => doc.getXmlFragment("not-a-section").insert(0, [new Y.XmlElement("paragraph")]),
    ],
  ])("refuses %s", (_name, change) => {
    expect(refusal(updateOf(synced(), change))).toBe("schema");
  });

  it("refuses a bare string in a section's fragment, from a fresh document", () => {
    expect(refusal(updateOf(new Y.Doc(), (doc) => doc.getText(MINE).insert(0, "bar text")))).toBe("schema");
  });

  it.each([
    ["an unknown node", (doc: Y.Doc) => doc.getXmlFragment(MINE).insert(0, [new Y.XmlElement("script")])],
    [
      "an unknown attribute",
      (doc: Y.Doc) => (doc.getXmlFragment(MINE).get(0) as Y.XmlElement).setAttribute("onclick", "x"),
    ],
    [
      "an attribute holding binary",
      (doc: Y.Doc) => {
        (doc.getXmlFragment(MINE).get(0) as Y.XmlElement).setAttribute(
          "level",
          new Uint8Array(3) as unknown as string,
        );
      },
    ],
    ["an unknown mark", (doc: Y.Doc) => textOf(doc, MINE).format(0, 2, { blink: {} })],
    [
      "a javascript: link",
      (doc: Y.Doc) => textOf(doc, MINE).format(0, 2, { link: { href: "javascript:alert(1)" } }),
    ],
    ["a relative link", (doc: Y.Doc) => textOf(doc, MINE).format(0, 2, { link: { href: "/evil" } })],
    ["an embed", (doc: Y.Doc) => textOf(doc, MINE).insertEmbed(0, { image: "x" })],
    [
      "a nested document",
      (doc: Y.Doc) =>
        doc.getXmlFragment(MINE).get(0)?.parent &&
        textOf(doc, MINE).insertEmbed(0, new Y.Doc() as unknown as object),
    ],
    ["text directly in a section", (doc: Y.Doc) => doc.getXmlFragment(MINE).insert(0, [new Y.XmlText("x")])],
    [
      "text in a list",
      (doc: Y.Doc) => {
        const list = new Y.XmlElement("bulletList");
        doc.getXmlFragment(MINE).insert(0, [list]);
        list.insert(0, [new Y.XmlText("x")]);
      },
    ],
  ])("refuses %s", (_name, change) => {
    expect(refusal(updateOf(synced(), change))).toBe("schema");
  });

  it("refuses an update whose first struct is missing, and a deletion of unknown structs", () => {
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    textOf(fresh, MINE).insert(0, "a");
    expect(refusal(updateOf(fresh, (doc) => textOf(doc, MINE).insert(1, "b".repeat(100))))).toBe("gap");
    const other = new Y.Doc();
    const deletion = new Y.Doc();
    other.getText("t").insert(0, "abc");
    Y.applyUpdate(deletion, Y.encodeStateAsUpdate(other));
    const deleting = updateOf(deletion, (doc) => doc.getText("t").delete(0, 1));
    const onlyDeletes = Y.encodeStateAsUpdate(new Y.Doc());
    expect(Y.decodeUpdate(onlyDeletes).ds.clients.size).toBe(0);
    const { ds } = Y.decodeUpdate(deleting);
    expect(ds.clients.size).toBe(1);
    expect(inspectUpdate(server, { structs: [], ds }, policy)).toMatchObject({ ok: false, kind: "gap" });
  });

  it("accepts the whole state of an honest client (its sync step 2)", () => {
    const client = synced();
    textOf(client, MINE).insert(0, "offline ");
    expect(refusal(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe("accepted");
    expect(refusal(Y.encodeStateAsUpdate(client))).toBe("accepted");
  });
});
