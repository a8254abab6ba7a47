"use client";

import type { Editor } from "@tiptap/react";
import { useState } from "react";
import type { ParagraphAuthorship } from "@/contracts/versions";
import { contributorsOf, preparationSuggestion } from "@/domain/preparation";

interface Props {
  editor: Editor | null;
  authorship: ParagraphAuthorship | null;
  onRefresh: () => void;
}

/**
 * Appends the text as a paragraph of the section, or replaces the section's content when it has no
 * text: an ordinary edit in the user's own editor, which the server accepts only from its editors.
 */
function insertParagraph(editor: Editor, text: string): void {
  const { doc } = editor.state;
  const paragraph = { type: "paragraph", content: [{ type: "text", text }] };
  const range = doc.textContent.trim() === "" ? { from: 0, to: doc.content.size } : doc.content.size;
  editor.chain().focus().insertContentAt(range, paragraph).run();
}

/** A suggested "Ärendets beredning" from who wrote the statement; inserted only when the drafter asks. */
export function PreparationSuggestion({ editor, authorship, onRefresh }: Props) {
  const [inserted, setInserted] = useState<string | null>(null);
  const text = authorship ? preparationSuggestion(contributorsOf(authorship.sections)) : null;
  return (
    <div className="preparation-suggestion">
      <h3>Förslag till text om ärendets beredning</h3>
      {text ? (
        <p className="suggested-text">{text}</p>
      ) : (
        <p className="muted">Det finns ännu inget förslag.</p>
      )}
      <div className="preparation-actions">
        {text && (
          <button
            type="button"
            disabled={!editor}
            onClick={() => {
              if (!editor) return;
              insertParagraph(editor, text);
              setInserted(text);
            }}
          >
            Infoga förslaget
          </button>
        )}
        <button type="button" onClick={onRefresh}>
          Uppdatera förslaget
        </button>
      </div>
      <p role="status" className="muted">
        {inserted ? "Förslaget är infogat i avsnittet." : ""}
      </p>
    </div>
  );
}
