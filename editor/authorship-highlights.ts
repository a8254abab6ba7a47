import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { decorationsExtension } from "./decorations-extension";

/** A top-level block as the authorship API saw it: its text and who wrote it. */
export interface AuthoredBlock {
  text: string;
  authors: { name: string; unit: string | null; color: string }[];
}

interface AuthorshipState {
  blocks: AuthoredBlock[] | null;
  decorations: DecorationSet;
}

export const authorshipHighlightsKey = new PluginKey<AuthorshipState>("authorshipHighlights");

/** Text without whitespace: block separators differ between the server's plain text and the editor's. */
const comparable = (text: string) => text.replace(/\s+/g, "");

/** A left stripe per author (several authors share it) and a light tint of the first one's colour. */
function blockStyle(colors: string[]): string {
  const share = 100 / colors.length;
  const stops = colors.map((color, i) => `${color} ${i * share}% ${(i + 1) * share}%`).join(", ");
  return `--authorship-stripes: linear-gradient(to bottom, ${stops}); --authorship-tint: ${colors[0]}1f`;
}

export function authorsLabel(authors: AuthoredBlock["authors"]): string {
  const names = authors.map((author) => (author.unit ? `${author.name} (${author.unit})` : author.name));
  return `Skrivet av ${names.join(", ")}`;
}

/**
 * Decorates each block whose text is still what the authorship API saw at the same place; blocks
 * changed since, and blocks without known writers, stay plain.
 */
export function authorshipDecorations(doc: ProseMirrorNode, blocks: AuthoredBlock[] | null): DecorationSet {
  if (!blocks) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.forEach((node, offset, index) => {
    const block = blocks[index];
    if (!block || block.authors.length === 0) return;
    if (comparable(block.text) !== comparable(node.textContent)) return;
    decorations.push(
      Decoration.node(
        offset,
        offset + node.nodeSize,
        {
          class: "authored",
          style: blockStyle(block.authors.map((author) => author.color)),
          title: authorsLabel(block.authors),
          "data-authors": block.authors.map((author) => author.name).join(", "),
        },
        { authors: block.authors },
      ),
    );
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Colours each block of the section by who wrote it, read-only: decorations only, so the text
 * stays editable. Set the blocks (null: off) with a transaction meta under `authorshipHighlightsKey`.
 */
export const AuthorshipHighlights = decorationsExtension("authorshipHighlights", authorshipHighlightsKey, {
  init: () => ({ blocks: null, decorations: DecorationSet.empty }),
  apply(transaction, previous, _old, state) {
    const meta = transaction.getMeta(authorshipHighlightsKey) as
      | { blocks: AuthoredBlock[] | null }
      | undefined;
    if (!meta && !transaction.docChanged) return previous;
    const blocks = meta ? meta.blocks : previous.blocks;
    return { blocks, decorations: authorshipDecorations(state.doc, blocks) };
  },
});
