import { listInSwedish } from "./signoff";

/** Someone who wrote in the statement, with the unit they write for (null: none). */
export interface Contributor {
  id: string;
  name: string;
  unit: string | null;
}

/** Everyone who wrote a paragraph, once each, in the order they first appear in the statement. */
export function contributorsOf<C extends Contributor>(
  sections: readonly { paragraphs: { authors: C[] }[] }[],
): C[] {
  const byId = new Map<string, C>();
  for (const author of sections.flatMap((section) => section.paragraphs.flatMap((p) => p.authors))) {
    if (!byId.has(author.id)) byId.set(author.id, author);
  }
  return [...byId.values()];
}

/**
 * The suggested text of "Ärendets beredning": the units that took part, each with its people in
 * brackets, then those without a unit; null when no one is known to have written.
 */
export function preparationSuggestion(contributors: readonly Contributor[]): string | null {
  if (contributors.length === 0) return null;
  const byUnit = new Map<string, string[]>();
  const withoutUnit: string[] = [];
  for (const { name, unit } of contributors) {
    if (unit === null) withoutUnit.push(name);
    else byUnit.set(unit, [...(byUnit.get(unit) ?? []), name]);
  }
  const parts = [...[...byUnit].map(([unit, names]) => `${unit} (${listInSwedish(names)})`), ...withoutUnit];
  return `Ärendet har beretts av ${listInSwedish(parts)}.`;
}
