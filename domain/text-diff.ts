export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/**
 * Words (any script's letters and digits, so å, ä and ö belong to them), runs of whitespace, and
 * single punctuation marks: "staden." followed by new text still matches "staden.", and the tokens
 * join back exactly.
 */
function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

/** Above this many cells the middle is shown as replaced whole rather than aligned word by word. */
const MAX_TABLE_CELLS = 4_000_000;

function push(parts: DiffPart[], kind: DiffPart["kind"], text: string) {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** Aligns the changed middle by longest common subsequence of words. */
function diffMiddle(before: string[], after: string[], parts: DiffPart[]) {
  if (before.length * after.length > MAX_TABLE_CELLS) {
    push(parts, "removed", before.join(""));
    push(parts, "added", after.join(""));
    return;
  }
  const width = after.length + 1;
  const lengths = new Uint32Array((before.length + 1) * width);
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        before[i] === after[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      push(parts, "same", before[i++] ?? "");
      j++;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      push(parts, "removed", before[i++] ?? "");
    } else {
      push(parts, "added", after[j++] ?? "");
    }
  }
  push(parts, "removed", before.slice(i).join(""));
  push(parts, "added", after.slice(j).join(""));
}

/** A word-level diff from the approved text to the current text. */
export function diffWords(approved: string, current: string): DiffPart[] {
  const before = tokenize(approved);
  const after = tokenize(current);
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  const parts: DiffPart[] = [];
  push(parts, "same", before.slice(0, start).join(""));
  diffMiddle(before.slice(start, before.length - end), after.slice(start, after.length - end), parts);
  push(parts, "same", before.slice(before.length - end).join(""));
  return parts;
}
