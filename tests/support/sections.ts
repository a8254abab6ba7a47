/*
 * Section keys of the standard template, written out (not read from domain/template.ts) so that
 * tests state what they expect. No test-runner imports: vitest and Playwright both use this.
 */

/** Owned by both enheter and approved by both enhetschefer; the other sections belong to the avdelning. */
export const YTTRANDE = "forvaltningens-yttrande";

/** The sections the avdelning owns and the avdelningschef approves, in template order. */
export const AVDELNING_SECTIONS = [
  "forslag-till-beslut",
  "sammanfattning",
  "bilaga",
  "arendets-beredning",
  "bakgrund",
  "forslag-till-beslut-avslutande",
] as const;
