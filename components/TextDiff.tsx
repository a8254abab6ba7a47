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
        if (part.kind === "same") return <span key={key}>{part.text}</span>;
        const Mark = part.kind === "added" ? "ins" : "del";
        return (
          <Mark key={key}>
            <span className="visually-hidden">{part.kind === "added" ? "tillagt: " : "borttaget: "}</span>
            {part.text}
          </Mark>
        );
      })}
    </p>
  );
}
