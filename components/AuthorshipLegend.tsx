"use client";

import type { ParagraphAuthor } from "@/contracts/versions";

interface Props {
  authors: ParagraphAuthor[];
  onRefresh: () => void;
}

/** Whose colour is whose, as text: the colours in the text are never the only signal. */
export function AuthorshipLegend({ authors, onRefresh }: Props) {
  return (
    <section className="authorship-legend" aria-labelledby="authorship-legend-heading">
      <h2 id="authorship-legend-heading">Vem som skrivit</h2>
      {authors.length === 0 ? (
        <p className="muted">Ingen text har ännu någon känd skribent.</p>
      ) : (
        <>
          <p className="muted">
            Varje stycke har en färgad kant i skribentens färg; håll pekaren över stycket för att se namnen.
          </p>
          <ul>
            {authors.map((author) => (
              <li key={author.id} data-author={author.id}>
                <span
                  className="authorship-swatch"
                  style={{ backgroundColor: author.color }}
                  aria-hidden="true"
                />
                {author.name}
                {author.unit && <span className="muted">, {author.unit}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onRefresh}>
        Uppdatera
      </button>
    </section>
  );
}
