"use client";

import { useId, useState } from "react";
import { ComposerFooter, useSubmission } from "./CommentComposer";

interface SuggestionComposerProps {
  quote: string;
  onSubmit: (proposedText: string, body: string) => Promise<string | null>;
  onCancel: () => void;
}

/** Proposing a replacement for the selected passage, with an optional reason. */
export function SuggestionComposer({ quote, onSubmit, onCancel }: SuggestionComposerProps) {
  const [proposed, setProposed] = useState(quote);
  const [body, setBody] = useState("");
  const { busy, error, submit } = useSubmission(() => onSubmit(proposed, body));
  const id = useId();
  return (
    <form className="comment-composer" onSubmit={submit}>
      <p className="composer-quote">
        Ersätt: <q>{quote}</q>
      </p>
      <label htmlFor={`${id}-text`}>Ny text</label>
      <textarea
        id={`${id}-text`}
        value={proposed}
        onChange={(event) => setProposed(event.target.value)}
        rows={3}
        // biome-ignore lint/a11y/noAutofocus: the form opens on the user's request to propose a change
        autoFocus
      />
      <label htmlFor={`${id}-body`}>Motivering (frivillig)</label>
      <textarea id={`${id}-body`} value={body} onChange={(event) => setBody(event.target.value)} rows={2} />
      <ComposerFooter
        submitLabel="Skicka förslag"
        disabled={busy || proposed === quote}
        error={error}
        onCancel={onCancel}
      />
    </form>
  );
}
