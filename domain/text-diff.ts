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
  return diffTokens(tokenize(approved), tokenize(current));
}

/** Aligns two token lists: common ends first, the changed middle by longest common subsequence. */
function diffTokens(before: string[], after: string[]): DiffPart[] {
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

/** A paragraph-level view of a diff: changed paragraphs word by word, unchanged ones collapsed. */
export type ParagraphDiff =
  | { kind: "context"; text: string }
  | { kind: "changed"; parts: DiffPart[] }
  | { kind: "collapsed"; paragraphs: number };

/** Each paragraph with a newline after it, the last one too, so equal paragraphs are equal tokens. */
function lines(text: string): string[] {
  return text === "" ? [] : text.split("\n").map((line) => `${line}\n`);
}

/** Unchanged paragraphs: the one next to each change kept as context, the rest counted. */
function unchanged(text: string, before: boolean, after: boolean): ParagraphDiff[] {
  const paragraphs = text.replace(/\n$/, "").split("\n");
  const keepFirst = before ? 1 : 0;
  const keepLast = after ? 1 : 0;
  if (paragraphs.length <= keepFirst + keepLast) {
    return paragraphs.map((paragraph) => ({ kind: "context", text: paragraph }));
  }
  const out: ParagraphDiff[] = paragraphs
    .slice(0, keepFirst)
    .map((paragraph) => ({ kind: "context", text: paragraph }));
  out.push({ kind: "collapsed", paragraphs: paragraphs.length - keepFirst - keepLast });
  if (keepLast) out.push({ kind: "context", text: paragraphs[paragraphs.length - 1] ?? "" });
  return out;
}

/**
 * Paragraphs (lines) are aligned first; each run of changed ones is diffed word by word, and the
 * unchanged ones are collapsed but for one paragraph of context on each side of a change.
 */
export function diffParagraphs(before: string, after: string): ParagraphDiff[] {
  const blocks = diffTokens(lines(before), lines(after));
  const out: ParagraphDiff[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if (!block) continue;
    if (block.kind === "same") {
      out.push(...unchanged(block.text, index > 0, index < blocks.length - 1));
      continue;
    }
    const next = blocks[index + 1];
    const removed = block.kind === "removed" ? block.text : "";
    const added = block.kind === "added" ? block.text : next?.kind === "added" ? next.text : "";
    if (block.kind === "removed" && next?.kind === "added") index++;
    out.push({ kind: "changed", parts: diffWords(removed.replace(/\n$/, ""), added.replace(/\n$/, "")) });
  }
  return out;
}
