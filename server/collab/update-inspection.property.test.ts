import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sectionContentRules } from "../../editor/content-rules";
import { encodeInitialDocument } from "../../editor/section-content";
import { sectionContent } from "../../editor/section-hash";
import { inspectUpdate } from "./update-inspection";

/*
 * Random honest editing sessions: several owners, each editing only the sections they may, with
 * the operations y-tiptap makes (typing, deleting, marks, new paragraphs and headings, removing a
 * paragraph), their updates reaching the server in each client's order but interleaved at random,
 * and the server's relays reaching the clients late. No update of theirs may ever be refused.
 */

const SECTIONS = ["a", "b", "c"];
const OWNERS: readonly (readonly string[])[] = [["a"], ["b", "c"], ["a", "b", "c"]];

type Operation =
  | { kind: "type"; section: number; paragraph: number; at: number; text: string }
  | { kind: "delete"; section: number; paragraph: number; at: number; length: number }
  | { kind: "mark"; section: number; paragraph: number; at: number; length: number; mark: number }
  | { kind: "paragraph"; section: number; at: number; heading: boolean; text: string }
  | { kind: "remove"; section: number; paragraph: number };

const MARKS = [
  { bold: {} },
  { italic: {} },
  { bold: null },
  {
    link: {
      href: "https://example.se/sida",
      target: "_blank",
      rel: "noopener noreferrer nofollow",
      class: null,
    },
  },
  { link: { href: "mailto:someone@example.se", target: null, rel: null, class: null } },
];

const small = fc.nat({ max: 20 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant("type" as const),
    section: small,
    paragraph: small,
    at: small,
    text: fc.string({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant("delete" as const),
    section: small,
    paragraph: small,
    at: small,
    length: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant("mark" as const),
    section: small,
    paragraph: small,
    at: small,
    length: fc.integer({ min: 1, max: 6 }),
    mark: fc.nat({ max: MARKS.length - 1 }),
  }),
  fc.record({
    kind: fc.constant("paragraph" as const),
    section: small,
    at: small,
    heading: fc.boolean(),
    text: fc.string({ maxLength: 5 }),
  }),
  fc.record({ kind: fc.constant("remove" as const), section: small, paragraph: small }),
);

/** One step of a session: a client edits, or the server takes a client's next update, or relays. */
const step = fc.record({
  client: fc.nat({ max: OWNERS.length - 1 }),
  action: fc.oneof(operation, fc.constant("deliver" as const), fc.constant("sync" as const)),
});

function textAt(fragment: Y.XmlFragment, index: number): Y.XmlText | null {
  if (fragment.length === 0) return null;
  const element = fragment.get(index % fragment.length);
  const text = element instanceof Y.XmlElement ? element.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

function perform(doc: Y.Doc, sections: readonly string[], op: Operation): void {
  const fragment = doc.getXmlFragment(sections[op.section % sections.length] as string);
  if (op.kind === "paragraph") {
    const element = new Y.XmlElement(op.heading ? "heading" : "paragraph");
    if (op.heading) element.setAttribute("level", 2 as never);
    element.insert(0, [new Y.XmlText(op.text)]);
    fragment.insert(op.at % (fragment.length + 1), [element]);
    return;
  }
  if (op.kind === "remove") {
    if (fragment.length > 1) fragment.delete(op.paragraph % fragment.length, 1);
    return;
  }
  const text = textAt(fragment, op.paragraph);
  if (!text) return;
  const at = op.at % (text.length + 1);
  if (op.kind === "type") text.insert(at, op.text);
  else if (at < text.length) {
    const length = Math.min(op.length, text.length - at);
    if (op.kind === "delete") text.delete(at, length);
    else text.format(at, length, MARKS[op.mark] as Record<string, unknown>);
  }
}

describe("honest editing sessions (property)", () => {
  it("are never refused, and every section stays readable", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        const server = new Y.Doc();
        Y.applyUpdate(
          server,
          encodeInitialDocument(
            SECTIONS.map((key) => ({ key, blocks: [{ type: "paragraph", text: "Början" }] })),
          ),
        );
        const rules = sectionContentRules();
        const clients = OWNERS.map((sections) => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
          const outbox: Uint8Array[] = [];
          doc.on("update", (update: Uint8Array, origin: unknown) => {
            if (origin !== "server") outbox.push(update);
          });
          const policy = { sectionKeys: new Set(SECTIONS), editableKeys: new Set(sections), rules };
          return { doc, sections, outbox, policy };
        });
        for (const { client: index, action } of steps) {
          const client = clients[index] as (typeof clients)[number];
          if (action === "sync") {
            Y.applyUpdate(
              client.doc,
              Y.encodeStateAsUpdate(server, Y.encodeStateVector(client.doc)),
              "server",
            );
          } else if (action === "deliver") {
            const update = client.outbox.shift();
            if (!update) continue;
            expect(inspectUpdate(server, Y.decodeUpdate(update), client.policy)).toEqual({ ok: true });
            Y.applyUpdate(server, update);
          } else perform(client.doc, client.sections, action);
        }
        for (const client of clients) {
          for (const update of client.outbox.splice(0)) {
            expect(inspectUpdate(server, Y.decodeUpdate(update), client.policy)).toEqual({ ok: true });
            Y.applyUpdate(server, update);
          }
        }
        for (const key of SECTIONS) expect(() => sectionContent(server.getXmlFragment(key))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
