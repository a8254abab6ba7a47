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
}

/** The usual first proposal of an answer to a remiss; the drafters adapt it or add their own. */
export const STANDARD_OPENING_PROPOSAL =
  "Stadsdelsnämnden beslutar att som svar på remissen överlämna och åberopa förvaltningens tjänsteutlåtande.";

export const TJANSTEUTLATANDE_TEMPLATE: readonly TemplateSection[] = [
  {
    key: "forslag-till-beslut",
    title: "Förslag till beslut",
    owners: "avdelning",
    approvals: ["avdelningschef"],
    startingContent: [{ type: "orderedList", items: [STANDARD_OPENING_PROPOSAL] }],
  },
  { key: "sammanfattning", title: "Sammanfattning", owners: "avdelning", approvals: ["avdelningschef"] },
  { key: "bilaga", title: "Bilaga", owners: "avdelning", approvals: ["avdelningschef"] },
  {
    key: "arendets-beredning",
    title: "Ärendets beredning",
    owners: "avdelning",
    approvals: ["avdelningschef"],
  },
  { key: "bakgrund", title: "Bakgrund", owners: "avdelning", approvals: ["avdelningschef"] },
  {
    key: "forvaltningens-yttrande",
    title: "Förvaltningens yttrande och synpunkter",
    owners: "enheter",
    approvals: ["enhetschef"],
  },
  {
    key: "forslag-till-beslut-avslutande",
    title: "Förslag till beslut",
    owners: "avdelning",
    approvals: ["avdelningschef"],
  },
];

/** Finalising (justering) of a whole statement is done by this role. */
export const FINALISING_ROLE: Role = "stadsdelsdirektor";
