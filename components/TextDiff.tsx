import { diffWords } from "@/domain/text-diff";

/** The approved text against the current one: removed words struck through, added words marked. */
export function TextDiff({ approved, current }: { approved: string; current: string }) {
  return (
    <p className="text-diff">
      {diffWords(approved, current).map((part, index) => {
        const key = `${index}-${part.kind}`;
        if (part.kind === "added") {
          return (
            <ins key={key} aria-label={`tillagt: ${part.text}`}>
              {part.text}
            </ins>
          );
        }
        if (part.kind === "removed") {
          return (
            <del key={key} aria-label={`borttaget: ${part.text}`}>
              {part.text}
            </del>
          );
        }
        return <span key={key}>{part.text}</span>;
      })}
    </p>
  );
}
