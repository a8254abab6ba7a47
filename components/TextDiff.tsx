import { type DiffPart, diffWords } from "@/domain/text-diff";

/** The approved text against the current one. */
export function TextDiff({ approved, current }: { approved: string; current: string }) {
  return <DiffParts parts={diffWords(approved, current)} />;
}

/**
 * A word diff: removed words struck through, added words marked. Screen readers hear
 * "borttaget"/"tillagt", since <del> and <ins> are not announced everywhere.
 */
export function DiffParts({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="text-diff">
      {parts.map((part, index) => {
        const key = `${index}-${part.kind}`;
        if (part.kind === "added") {
          return (
            <ins key={key}>
              <span className="visually-hidden">tillagt: </span>
              {part.text}
            </ins>
          );
        }
        if (part.kind === "removed") {
          return (
            <del key={key}>
              <span className="visually-hidden">borttaget: </span>
              {part.text}
            </del>
          );
        }
        return <span key={key}>{part.text}</span>;
      })}
    </p>
  );
}
