"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";

/** Only web and e-mail addresses become links. */
function validHref(value: string): string | null {
  const href = value.trim();
  return /^(https?:\/\/[^\s]+\.[^\s]+|mailto:[^\s@]+@[^\s@]+)$/i.test(href) ? href : null;
}

/** Adds, changes or removes the link on the selected text, in a modal dialog of its own. */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const current = editor.getAttributes("link").href as string | undefined;
  const [value, setValue] = useState(current ?? "https://");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const close = () => {
    dialog.current?.close();
    onClose();
    editor.commands.focus();
  };

  return (
    <dialog ref={dialog} className="link-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          const href = validHref(value);
          if (!href) {
            setError("Skriv en webbadress som börjar med https:// eller en e-postadress med mailto:.");
            return;
          }
          editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
          close();
        }}
      >
        <h2 id={titleId}>{current ? "Ändra länk" : "Infoga länk"}</h2>
        <label htmlFor={inputId}>Adress</label>
        <input
          id={inputId}
          type="text"
          inputMode="url"
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        {error && (
          <p id={`${inputId}-error`} className="field-error">
            {error}
          </p>
        )}
        <div className="composer-actions">
          <button type="submit" className="button">
            Spara länk
          </button>
          {current && (
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                editor.chain().focus().extendMarkRange("link").unsetLink().run();
                close();
              }}
            >
              Ta bort länk
            </button>
          )}
          <button type="button" className="button secondary" onClick={close}>
            Avbryt
          </button>
        </div>
      </form>
    </dialog>
  );
}
