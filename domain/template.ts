import type { ContentBlock } from "./content";
import type { Role } from "./roles";

/**
 * The standard tjänsteutlåtande template: its sections in order. `key` names the section's
 * Y.XmlFragment in the statement's Y.Doc, so keys are stable identifiers, never shown to users.
 */
export interface TemplateSection {
  key: string;
  title: string;
  /** Who owns the section: the statement's avdelning, or every preparing enhet. */
  owners: "avdelning" | "enheter";
  /** Approvals required, as roles; unit roles are required once per owning unit. */
  approvals: Role[];
  /** What the section holds in a statement started from the template; empty when not given. */
  startingContent?: readonly ContentBlock[];
  /** What belongs in the section, shown in it while it is empty. */
  guidance?: string;
}

/** The usual first proposal of an answer to a remiss; the drafters adapt it or add their own. */
export const STANDARD_OPENING_PROPOSAL =
  "Stadsdelsnämnden beslutar att som svar på remissen överlämna och åberopa förvaltningens tjänsteutlåtande.";

/** The section that says which units prepared the statement ("Ärendets beredning"). */
export const PREPARATION_SECTION_KEY = "arendets-beredning";

export const TJANSTEUTLATANDE_TEMPLATE: readonly TemplateSection[] = [
  {
    key: "forslag-till-beslut",
    title: "Förslag till beslut",
    owners: "avdelning",
    approvals: ["avdelningschef"],
    startingContent: [{ type: "orderedList", items: [STANDARD_OPENING_PROPOSAL] }],
    guidance: "Skriv nämndens beslut som numrerade att-satser, en för varje beslut.",
  },
  {
    key: "sammanfattning",
    title: "Sammanfattning",
    owners: "avdelning",
    approvals: ["avdelningschef"],
    guidance:
      "Sammanfatta remissen och förvaltningens ställningstagande i några meningar, så att nämnden förstår ärendet utan att läsa vidare.",
  },
  {
    key: "bilaga",
    title: "Bilaga",
    owners: "avdelning",
    approvals: ["avdelningschef"],
    guidance: "Lista bilagorna till tjänsteutlåtandet, till exempel remissen och dess underlag.",
  },
  {
    key: PREPARATION_SECTION_KEY,
    title: "Ärendets beredning",
    owners: "avdelning",
    approvals: ["avdelningschef"],
    guidance:
      "Beskriv vilka enheter som har berett ärendet och vilka som har hörts, till exempel råd och samverkan.",
  },
  {
    key: "bakgrund",
    title: "Bakgrund",
    owners: "avdelning",
    approvals: ["avdelningschef"],
    guidance: "Beskriv vad remissen gäller, vem som har skickat den och vad den föreslår.",
  },
  {
    key: "forvaltningens-yttrande",
    title: "Förvaltningens yttrande och synpunkter",
    owners: "enheter",
    approvals: ["enhetschef"],
    guidance:
      "Skriv förvaltningens bedömning av förslagen: vad förvaltningen tillstyrker, avstyrker eller vill ändra, och varför.",
  },
  {
    key: "forslag-till-beslut-avslutande",
    title: "Förslag till beslut",
    owners: "avdelning",
    approvals: ["avdelningschef"],
    guidance: "Upprepa förslaget till beslut som avslutning på tjänsteutlåtandet.",
  },
];

/** The guidance shown in an empty section of the template; none for sections it does not name. */
export function sectionGuidance(key: string): string | undefined {
  return TJANSTEUTLATANDE_TEMPLATE.find((section) => section.key === key)?.guidance;
}

/** Finalising (justering) of a whole statement is done by this role. */
export const FINALISING_ROLE: Role = "stadsdelsdirektor";
