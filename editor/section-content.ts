import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { ContentBlock, SectionContent } from "../domain/content";
import { sectionSchema } from "./schema";

function textNodes(text: string): JSONContent[] {
  return text.length > 0 ? [{ type: "text", text }] : [];
}

function listItems(items: string[]): JSONContent[] {
  return items.map((item) => ({
    type: "listItem",
    content: [{ type: "paragraph", content: textNodes(item) }],
  }));
}

function blockToNode(block: ContentBlock): JSONContent {
  switch (block.type) {
    case "paragraph":
      return { type: "paragraph", content: textNodes(block.text) };
    case "heading":
      return { type: "heading", attrs: { level: block.level }, content: textNodes(block.text) };
    case "orderedList":
      return { type: "orderedList", attrs: { start: 1 }, content: listItems(block.items) };
    case "bulletList":
      return { type: "bulletList", content: listItems(block.items) };
  }
}

/** A section's blocks as a ProseMirror document of the shared schema. */
export function blocksToDocumentJSON(blocks: ContentBlock[]): JSONContent {
  const content = blocks.map(blockToNode);
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}

/** Fills an empty section fragment with the given blocks, validated against the shared schema. */
export function writeBlocksToFragment(fragment: Y.XmlFragment, blocks: ContentBlock[]): void {
  const json = blocksToDocumentJSON(blocks);
  sectionSchema().nodeFromJSON(json).check();
  prosemirrorJSONToYXmlFragment(sectionSchema(), json, fragment);
}

/**
 * Makes a section fragment hold a ProseMirror document of the shared schema (validated first). Like
 * the editor's binding, it changes only what differs, so unchanged paragraphs keep their Yjs items.
 */
export function replaceFragmentContent(fragment: Y.XmlFragment, json: JSONContent): void {
  sectionSchema().nodeFromJSON(json).check();
  prosemirrorJSONToYXmlFragment(sectionSchema(), json, fragment);
}

/** A new statement's Y.Doc state: one XmlFragment per section, named by its key. */
export function encodeInitialDocument(sections: Pick<SectionContent, "key" | "blocks">[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const section of sections) writeBlocksToFragment(doc.getXmlFragment(section.key), section.blocks);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

const BLOCK_ELEMENTS = new Set(["paragraph", "heading", "listItem", "blockquote"]);

/**
 * The readable text of a section: one line per paragraph, heading or list item.
 * Used where people read text outside the editor (tests, diffs, logs), not for hashing.
 */
export function fragmentPlainText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  let current = "";
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert: unknown }[]) {
        if (typeof op.insert === "string") current += op.insert;
      }
      return;
    }
    if (!(node instanceof Y.XmlElement)) return;
    const isBlock = BLOCK_ELEMENTS.has(node.nodeName);
    if (node.nodeName === "hardBreak") current += "\n";
    for (const child of node.toArray()) visit(child);
    if (isBlock && node.nodeName !== "listItem" && node.nodeName !== "blockquote") {
      lines.push(current);
      current = "";
    }
  };
  for (const child of fragment.toArray()) visit(child);
  if (current) lines.push(current);
  return lines.join("\n");
}
