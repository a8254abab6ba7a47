"use client";

import { type FormEvent, useId, useState } from "react";

interface CommentComposerProps {
  quote: string;
  onSubmit: (body: string) => Promise<string | null>;
  onCancel: () => void;
}

/** Writing a new comment on the selected passage; the quote shows what it will be about. */
export function CommentComposer({ quote, onSubmit, onCancel }: CommentComposerProps) {
  const [body, setBody] = useState("");
  const { busy, error, submit } = useSubmission(() => onSubmit(body));
  const id = useId();
  return (
    <form className="comment-composer" onSubmit={submit}>
      <p className="composer-quote">
        Om: <q>{quote}</q>
      </p>
      <label htmlFor={id}>Kommentar</label>
      {/* biome-ignore lint/a11y/noAutofocus: the form opens on the user's request to write a comment */}
      <textarea id={id} value={body} onChange={(event) => setBody(event.target.value)} rows={3} autoFocus />
      <ComposerFooter
        submitLabel="Spara kommentar"
        disabled={busy || body.trim() === ""}
        error={error}
        onCancel={onCancel}
      />
    </form>
  );
}

/** A composer form's sending: busy while it waits, then the server's refusal or null. */
export function useSubmission(send: () => Promise<string | null>) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const problem = await send();
    setBusy(false);
    setError(problem);
  };
  return { busy, error, submit };
}

/** A composer's send and cancel buttons, and the server's refusal if there was one. */
export function ComposerFooter(props: {
  submitLabel: string;
  disabled: boolean;
  error: string | null;
  onCancel: () => void;
}) {
  return (
    <>
      <div className="composer-actions">
        <button type="submit" className="button" disabled={props.disabled}>
          {props.submitLabel}
        </button>
        <button type="button" className="button secondary" onClick={props.onCancel}>
          Avbryt
        </button>
      </div>
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
    </>
  );
}
