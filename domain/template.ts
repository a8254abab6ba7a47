import type { ContentBlock } from "./content";
import type { Role } from "./roles";

/**
 * Who owns a template section in a new statement: the statement's preparing avdelning, its
 * preparing enheter, or the units the template names.
 */
export const SECTION_OWNERSHIPS = ["avdelning", "enheter", "units"] as const;
export type SectionOwnership = (typeof SECTION_OWNERSHIPS)[number];

/** The roles a template section can require an approval of. */
export const APPROVER_ROLES = ["enhetschef", "avdelningschef", "stadsdelsdirektor"] as const satisfies Role[];

/** A required approval: a role, and the unit whose holder approves (null: each owning unit's). */
export interface TemplateApproval {
  role: Role;
  unitId: string | null;
}

/**
 * One section of a template. `key` names the section's Y.XmlFragment in the statement's Y.Doc, so
 * keys are stable identifiers, never shown to users.
 */
export interface TemplateSection {
  key: string;
  title: string;
  owners: SectionOwnership;
  /** The owning units when `owners` is `units`. */
  ownerUnitIds?: readonly string[];
  approvals: readonly TemplateApproval[];
  /** What the section holds in a statement started from the template; empty when not given. */
  startingContent?: readonly ContentBlock[];
  /** What belongs in the section, shown in it while it is empty. */
  guidance?: string;
}

export interface SectionTemplateDefinition {
  name: string;
  description: string;
  sections: readonly TemplateSection[];
}

/** The usual first proposal of an answer to a remiss; the drafters adapt it or add their own. */
export const STANDARD_OPENING_PROPOSAL =
  "Stadsdelsnämnden beslutar att som svar på remissen överlämna och åberopa förvaltningens tjänsteutlåtande.";

/** The section that says which units prepared the statement ("Ärendets beredning"). */
export const PREPARATION_SECTION_KEY = "arendets-beredning";

const BY_AVDELNINGSCHEF: readonly TemplateApproval[] = [{ role: "avdelningschef", unitId: null }];
const BY_ENHETSCHEFER: readonly TemplateApproval[] = [{ role: "enhetschef", unitId: null }];

/** A section of the preparing avdelning, approved by its avdelningschef. */
function avdelningSection(key: string, title: string, guidance: string): TemplateSection {
  return { key, title, owners: "avdelning", approvals: BY_AVDELNINGSCHEF, guidance };
}

/** The tjänsteutlåtande answering a remiss: the seeded default template and the import's layout. */
export const TJANSTEUTLATANDE_TEMPLATE: readonly TemplateSection[] = [
  {
    ...avdelningSection(
      "forslag-till-beslut",
      "Förslag till beslut",
      "Skriv nämndens beslut som numrerade att-satser, en för varje beslut.",
    ),
    startingContent: [{ type: "orderedList", items: [STANDARD_OPENING_PROPOSAL] }],
  },
  avdelningSection(
    "sammanfattning",
    "Sammanfattning",
    "Sammanfatta remissen och förvaltningens ställningstagande i några meningar, så att nämnden förstår ärendet utan att läsa vidare.",
  ),
  avdelningSection(
    "bilaga",
    "Bilaga",
    "Lista bilagorna till tjänsteutlåtandet, till exempel remissen och dess underlag.",
  ),
  avdelningSection(
    PREPARATION_SECTION_KEY,
    "Ärendets beredning",
    "Beskriv vilka enheter som har berett ärendet och vilka som har hörts, till exempel råd och samverkan.",
  ),
  avdelningSection(
    "bakgrund",
    "Bakgrund",
    "Beskriv vad remissen gäller, vem som har skickat den och vad den föreslår.",
  ),
  {
    key: "forvaltningens-yttrande",
    title: "Förvaltningens yttrande och synpunkter",
    owners: "enheter",
    approvals: BY_ENHETSCHEFER,
    guidance:
      "Skriv förvaltningens bedömning av förslagen: vad förvaltningen tillstyrker, avstyrker eller vill ändra, och varför.",
  },
  avdelningSection(
    "forslag-till-beslut-avslutande",
    "Förslag till beslut",
    "Upprepa förslaget till beslut som avslutning på tjänsteutlåtandet.",
  ),
];

/** A tjänsteutlåtande the förvaltning brings to the nämnd on its own initiative. */
export const EGET_INITIATIV_TEMPLATE: readonly TemplateSection[] = [
  avdelningSection(
    "forslag-till-beslut",
    "Förslag till beslut",
    "Skriv nämndens beslut som numrerade att-satser, en för varje beslut.",
  ),
  avdelningSection(
    "sammanfattning",
    "Sammanfattning",
    "Sammanfatta ärendet och förvaltningens förslag i några meningar.",
  ),
  avdelningSection(
    "bakgrund",
    "Bakgrund",
    "Beskriv varför förvaltningen tar upp ärendet och vad som gäller i dag.",
  ),
  avdelningSection(
    PREPARATION_SECTION_KEY,
    "Ärendets beredning",
    "Beskriv vilka enheter som har berett ärendet och vilka som har hörts, till exempel råd och samverkan.",
  ),
  {
    key: "forvaltningens-forslag",
    title: "Förvaltningens förslag och bedömning",
    owners: "enheter",
    approvals: BY_ENHETSCHEFER,
    guidance: "Beskriv vad förvaltningen föreslår att nämnden beslutar, och varför.",
  },
  avdelningSection(
    "ekonomiska-konsekvenser",
    "Ekonomiska konsekvenser",
    "Beskriv vad förslaget kostar och hur det finansieras, eller skriv att det inte har några ekonomiska konsekvenser.",
  ),
  avdelningSection("bilagor", "Bilagor", "Lista bilagorna till tjänsteutlåtandet."),
];

/** The templates every organisation starts with; the first is the default of the new-statement form. */
export const DEFAULT_TEMPLATES: readonly SectionTemplateDefinition[] = [
  {
    name: "Remissvar",
    description: "Tjänsteutlåtande som svar på en remiss till nämnden.",
    sections: TJANSTEUTLATANDE_TEMPLATE,
  },
  {
    name: "Tjänsteutlåtande på eget initiativ",
    description: "Ett ärende som förvaltningen själv lägger fram för nämnden.",
    sections: EGET_INITIATIV_TEMPLATE,
  },
];

/** Finalising (justering) of a whole statement is done by this role. */
export const FINALISING_ROLE: Role = "stadsdelsdirektor";
