import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { sectionExtensions } from "./extensions";

let cached: Schema | undefined;

/** The ProseMirror schema of section content, built once per process from the shared extension list. */
export function sectionSchema(): Schema {
  cached ??= getSchema(sectionExtensions());
  return cached;
}
