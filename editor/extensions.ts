import type { AnyExtension } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

/** The URL schemes a link may use; the collaboration server refuses any other. */
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

/**
 * The one extension list that defines a section's schema. The browser editors add collaboration
 * extensions on top; the server reads and writes section content through the same schema, so
 * what the server hashes and exports is exactly what users edit.
 */
export function sectionExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs provides undo/redo per user (only one's own changes), so ProseMirror's history is off.
      undoRedo: false,
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      // Opening a section must never change it (that would invalidate sign-offs): no trailing node.
      trailingNode: false,
      // LINK_PROTOCOLS are linkify's defaults: registering them again in every editor makes linkify
      // warn that it is already initialised.
      link: { openOnClick: false, autolink: true },
    }),
    // Tables of costs and statistics; columns size to their content (no stored widths to resize).
    TableKit.configure({ table: { resizable: false } }),
  ];
}
