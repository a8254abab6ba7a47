"use client";

import { useId, useState } from "react";

interface CommentComposerProps {
  quote: string;
  onSubmit: (body: string) => Promise<string | null>;
  onCancel: () => void;
}

/** Writing a new comment on the selected passage; the quote shows what it will be about. */
export function CommentComposer({ quote, onSubmit, onCancel }: CommentComposerProps) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  return (
    <form
      className="comment-composer"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const problem = await onSubmit(body);
        setBusy(false);
        setError(problem);
      }}
    >
      <p className="composer-quote">
        Om: <q>{quote}</q>
      </p>
      <label htmlFor={id}>Kommentar</label>
      {/* biome-ignore lint/a11y/noAutofocus: the form opens on the user's request to write a comment */}
      <textarea id={id} value={body} onChange={(event) => setBody(event.target.value)} rows={3} autoFocus />
      <div className="composer-actions">
        <button type="submit" className="button" disabled={busy || body.trim() === ""}>
          Spara kommentar
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
