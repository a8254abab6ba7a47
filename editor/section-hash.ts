import type { JSONContent } from "@tiptap/core";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { contentHash } from "../domain/content-hash";
import { sectionSchema } from "./schema";

/**
 * A section's canonical content: its ProseMirror document under the shared schema. It carries no
 * Yjs ids or client ids, so the same text and marks give the same content on every replica.
 */
export function sectionContent(fragment: Y.XmlFragment): JSONContent {
  return yXmlFragmentToProseMirrorRootNode(fragment, sectionSchema()).toJSON() as JSONContent;
}

/** The hash an approval of the section is bound to; browser and server compute it alike. */
export function sectionHash(fragment: Y.XmlFragment): string {
  return contentHash(sectionContent(fragment));
}
