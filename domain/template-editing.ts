/* Pure helpers of the template editor: a proposed section key, and moving a section. */

const LETTERS: Record<string, string> = { å: "a", ä: "a", ö: "o", é: "e", ü: "u" };

/** A key proposed from a title: lower case a–z and 0–9, words joined by hyphens. */
export function keyFromTitle(title: string): string {
  return title
    .toLocaleLowerCase("sv")
    .replace(/[åäöéü]/g, (letter) => LETTERS[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** The list with the item at `index` swapped with its neighbour `by` places away, if there is one. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  [copy[index], copy[target]] = [copy[target] as T, copy[index] as T];
  return copy;
}
