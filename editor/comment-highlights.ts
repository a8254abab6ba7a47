import type { EditorState } from "@tiptap/pm/state";
import { PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { anchorPassage, decodeAnchorPosition, type EncodedAnchor, encodeAnchor } from "./comment-anchors";
import { decorationsExtension } from "./decorations-extension";

export interface HighlightedThread {
  id: string;
  anchor: EncodedAnchor;
  /** An open suggestion: its replacement text, shown beside the struck-through passage. */
  suggestion?: { text: string; color: string; author: string };
}

interface DecodedAnchor {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

/**
 * A thread's anchor, decoded once when the threads are set rather than at every change that
 * resolves it again (null: malformed, never highlighted).
 */
interface DecodedThread {
  id: string;
  anchor: DecodedAnchor | null;
  suggestion?: HighlightedThread["suggestion"];
}

interface HighlightState {
  threads: HighlightedThread[];
  decoded: DecodedThread[];
  activeId: string | null;
  decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>("commentHighlights");

type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

interface SyncBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: ProsemirrorMapping } | null;
}

function syncState(state: EditorState): SyncBinding | null {
  const sync = ySyncPluginKey.getState(state) as SyncBinding | undefined;
  return sync?.binding ? sync : null;
}

/** Where each highlighted thread's passage starts in this editor now (null: not resolvable). */
export function passageStarts(state: EditorState): Map<string, number | null> {
  const decoded = commentHighlightsKey.getState(state)?.decoded ?? [];
  return new Map(decoded.map((thread) => [thread.id, resolvedRange(state, thread.anchor)?.from ?? null]));
}

function resolvedRange(
  state: EditorState,
  anchor: DecodedAnchor | null,
): { from: number; to: number } | null {
  const sync = syncState(state);
  if (!anchor || !sync?.binding) return null;
  const mapping = sync.binding.mapping;
  const toEditorPosition = (position: Y.RelativePosition) => {
    // y-tiptap refuses a position naming a character at the very start of the document (it takes
    // it for a cursor misplaced by a structural change), so the passage is resolved by its index.
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, sync.doc);
    if (!absolute) return null;
    const byIndex = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1);
    return relativePositionToAbsolutePosition(sync.doc, sync.type, byIndex, mapping);
  };
  try {
    const from = toEditorPosition(anchor.start);
    const to = toEditorPosition(anchor.end);
    return from !== null && to !== null && from < to ? { from, to } : null;
  } catch {
    return null;
  }
}

function decodeAnchor(anchor: EncodedAnchor): DecodedAnchor | null {
  try {
    return { start: decodeAnchorPosition(anchor.start), end: decodeAnchorPosition(anchor.end) };
  } catch {
    return null;
  }
}

function decodeThreads(threads: HighlightedThread[]): DecodedThread[] {
  return threads.map(({ id, anchor, suggestion }) => ({ id, anchor: decodeAnchor(anchor), suggestion }));
}

/** Where a thread's passage is in this editor now, or null when it cannot be found. */
export function threadRange(state: EditorState, anchor: EncodedAnchor): { from: number; to: number } | null {
  return resolvedRange(state, decodeAnchor(anchor));
}

/** The proposed text, shown right after the passage it would replace. */
function suggestionWidget(suggestion: NonNullable<HighlightedThread["suggestion"]>): HTMLElement {
  const proposed = document.createElement("ins");
  proposed.className = "suggestion-new";
  proposed.style.color = suggestion.color;
  proposed.style.borderColor = suggestion.color;
  proposed.textContent = suggestion.text;
  proposed.title = `Förslag från ${suggestion.author}`;
  return proposed;
}

/** Anchors the editor range [from, to) as relative positions in the section's fragment. */
export function anchorRange(state: EditorState, from: number, to: number): EncodedAnchor | null {
  const sync = syncState(state);
  if (!sync?.binding || from >= to) return null;
  const toTypeIndex = (position: number) => {
    const relative = absolutePositionToRelativePosition(
      position,
      sync.type,
      sync.binding?.mapping ?? new Map(),
    );
    return Y.createAbsolutePositionFromRelativePosition(relative, sync.doc);
  };
  const start = toTypeIndex(from);
  const end = toTypeIndex(to);
  if (!start || !end) return null;
  return encodeAnchor(anchorPassage(start, end));
}

function buildDecorations(
  state: EditorState,
  threads: DecodedThread[],
  activeId: string | null,
): DecorationSet {
  const decorations = threads.flatMap((thread) => {
    const range = resolvedRange(state, thread.anchor);
    if (!range) return [];
    const active = thread.id === activeId;
    const { suggestion } = thread;
    const kind = suggestion ? "comment-highlight suggestion-old" : "comment-highlight";
    const highlight = Decoration.inline(range.from, range.to, {
      class: active ? `${kind} active` : kind,
      "data-thread": thread.id,
      ...(suggestion ? { style: `text-decoration-color: ${suggestion.color}` } : {}),
    });
    if (!suggestion) return [highlight];
    return [
      highlight,
      Decoration.widget(range.to, () => suggestionWidget(suggestion), {
        key: `suggestion-${thread.id}-${suggestion.text}`,
        side: 1,
        ignoreSelection: true,
      }),
    ];
  });
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights commented passages. The anchors are relative positions, re-resolved after every
 * change, so highlights follow the words through concurrent edits without touching the text.
 */
export const CommentHighlights = decorationsExtension("commentHighlights", commentHighlightsKey, {
  init: () => ({ threads: [], decoded: [], activeId: null, decorations: DecorationSet.empty }),
  apply(transaction, previous, _oldState, newState) {
    const meta = transaction.getMeta(commentHighlightsKey) as Partial<HighlightState> | undefined;
    const fromYjs = (transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)
      ?.isChangeOrigin;
    if (meta || fromYjs) {
      const threads = meta?.threads ?? previous.threads;
      const decoded = threads === previous.threads ? previous.decoded : decodeThreads(threads);
      const activeId = meta?.activeId !== undefined ? meta.activeId : previous.activeId;
      return {
        threads,
        decoded,
        activeId,
        decorations: buildDecorations(newState, decoded, activeId),
      };
    }
    // A local edit reaches the Y.Doc only after this transaction, so the anchors cannot be
    // resolved against it yet: the highlights move with the edit instead.
    if (!transaction.docChanged) return previous;
    return {
      ...previous,
      decorations: previous.decorations.map(transaction.mapping, transaction.doc),
    };
  },
});
