"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { anchorRange } from "@/editor/comment-highlights";
import { type ApiAnswer, api, problemOf } from "./api-client";
import { CommentComposer } from "./CommentComposer";
import { SuggestionComposer } from "./SuggestionComposer";
import { useStatementScope } from "./statement-scope";

interface Selected {
  from: number;
  to: number;
  quote: string;
}

/** The editor range of the browser selection when it lies inside this editor and is not empty. */
function selectionInEditor(editor: Editor): Selected | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const root = editor.view.dom;
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  try {
    const from = editor.view.posAtDOM(range.startContainer, range.startOffset);
    const to = editor.view.posAtDOM(range.endContainer, range.endOffset);
    if (from >= to) return null;
    const quote = editor.state.doc.textBetween(from, to, "\n").trim();
    return quote ? { from, to, quote } : null;
  } catch {
    return null;
  }
}

interface SectionCommentActionProps {
  sectionKey: string;
  sectionTitle: string;
  editor: Editor | null;
  onCreated: () => Promise<void>;
}

/**
 * "Kommentera": comments the passage selected in the section. It reads the browser selection, so
 * it works in read-only sections too (granskare), and it never writes into the text.
 */
export function SectionCommentAction(props: SectionCommentActionProps) {
  const { sectionKey, sectionTitle, editor, onCreated } = props;
  // Finalised: comments can no longer be made, so no control is offered.
  const { statementId, finalised } = useStatementScope();
  const [selected, setSelected] = useState<Selected | null>(null);
  const [composing, setComposing] = useState<Selected | null>(null);
  const [suggesting, setSuggesting] = useState<Selected | null>(null);

  useEffect(() => {
    if (!editor) return;
    const track = () => {
      const current = selectionInEditor(editor);
      // Keep the last selection when focus moves to the button, which clears nothing in the text.
      if (current || editor.view.dom.contains(document.activeElement)) setSelected(current);
    };
    document.addEventListener("selectionchange", track);
    return () => document.removeEventListener("selectionchange", track);
  }, [editor]);

  if (finalised) return null;
  const send = async (
    passage: Selected,
    submit: (anchor: NonNullable<ReturnType<typeof anchorRange>>) => Promise<ApiAnswer<unknown>>,
  ) => {
    if (!editor) return "Texten är inte hämtad än.";
    const anchor = anchorRange(editor.state, passage.from, passage.to);
    if (!anchor) return "Markeringen kunde inte förankras. Markera texten igen.";
    const problem = problemOf(await submit(anchor));
    if (!problem) {
      setComposing(null);
      setSuggesting(null);
      setSelected(null);
      await onCreated();
    }
    return problem;
  };
  if (suggesting) {
    return (
      <SuggestionComposer
        quote={suggesting.quote}
        onCancel={() => setSuggesting(null)}
        onSubmit={(proposedText, body) =>
          send(suggesting, (anchor) =>
            api.startSuggestion(statementId, {
              sectionKey,
              anchor,
              quote: suggesting.quote,
              proposedText,
              ...(body.trim() ? { body } : {}),
            }),
          )
        }
      />
    );
  }
  if (composing && editor) {
    return (
      <CommentComposer
        quote={composing.quote}
        onCancel={() => setComposing(null)}
        onSubmit={(body) =>
          send(composing, (anchor) =>
            api.startThread(statementId, { sectionKey, anchor, quote: composing.quote, body }),
          )
        }
      />
    );
  }
  return (
    <div className="comment-actions-row">
      <button
        type="button"
        className="button secondary comment-action"
        disabled={!selected}
        aria-label={`Kommentera markerad text i ${sectionTitle}`}
        title={selected ? undefined : "Markera text i avsnittet först"}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => selected && setComposing(selected)}
      >
        Kommentera
      </button>
      <button
        type="button"
        className="button secondary comment-action"
        disabled={!selected}
        aria-label={`Föreslå ändring av markerad text i ${sectionTitle}`}
        title={selected ? undefined : "Markera text i avsnittet först"}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => selected && setSuggesting(selected)}
      >
        Föreslå ändring
      </button>
    </div>
  );
}
