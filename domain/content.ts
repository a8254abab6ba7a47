/**
 * Framework-free description of a section's content, as produced by importers and templates.
 * The editor layer (editor/) turns it into the shared Tiptap schema and Y.XmlFragments.
 */
export type ContentBlock =
  | { type: "paragraph"; text: string }
  | { type: "heading"; level: 2 | 3; text: string }
  | { type: "orderedList"; items: string[] }
  | { type: "bulletList"; items: string[] };

export interface Signatory {
  name: string;
  /** Title as written in the statement, e.g. "stadsdelsdirektör". */
  title: string;
}

export interface StatementMetadata {
  /** The nämnd the statement is addressed to ("Till"). */
  recipient: string;
  title: string;
  diarienummer: string | null;
  /** Who sent the remiss, e.g. "Kommunstyrelsen". */
  remissSender: string | null;
  /** ISO date (YYYY-MM-DD). */
  deadline: string | null;
  /** ISO date (YYYY-MM-DD) of an extended deadline (förlängd svarstid). */
  extendedDeadline: string | null;
  /** Names of the preparing units, as written in the statement. */
  preparingUnits: string[];
  signatories: Signatory[];
}

export interface SectionContent {
  key: string;
  title: string;
  blocks: ContentBlock[];
}

export interface StatementDocument extends StatementMetadata {
  sections: SectionContent[];
}
