import type { JSONContent } from "@tiptap/core";

/** A section as it stands in the live document, as plain data. */
export interface SectionSnapshot {
  key: string;
  /** Hash of the canonical content: what an approval is bound to. */
  hash: string;
  content: JSONContent;
  text: string;
}

export interface FrozenStatement {
  /** The whole Y.Doc state, for the frozen version. */
  documentState: Uint8Array;
  sections(keys: string[]): SectionSnapshot[];
}

/** A section's top-level blocks: their text and the Yjs client ids that wrote it. */
export interface SectionParagraphs {
  key: string;
  paragraphs: { text: string; clientIds: number[] }[];
}

export interface CapturedStatement {
  documentStateV2: Uint8Array;
  sections: SectionSnapshot[];
}

/** How a freeze for a finalisation ended; "nodes-unreachable": it did not begin. */
export type FreezeOutcome = "finalised" | "not-finalised" | "nodes-unreachable";

/**
 * What the app's routes may do with live statement documents, which the collaboration server
 * holds in memory (possibly with edits not yet written to the database). The collaboration server
 * implements it, and the composition root hands it to the use cases (workflow/app-services.ts).
 * Only plain data crosses this boundary, never Yjs objects: the Next.js routes run as a separate
 * module copy, whose Yjs classes differ.
 */
export interface StatementDocuments {
  /** The current state of the given sections, loading the document if no client has it open. */
  sections(statementId: string, keys: string[]): Promise<SectionSnapshot[]>;
  /**
   * Refuses every document update while `decide` runs; the statement stays frozen if `decide`
   * returns true (finalised), and thaws otherwise. `decide` is not run when other server nodes
   * holding the statement cannot be frozen with it.
   */
  freezeWhile(
    statementId: string,
    decide: (frozen: FrozenStatement) => Promise<boolean>,
  ): Promise<FreezeOutcome>;
  /** The whole state (Yjs V2 update) and the given sections, read at one moment. */
  capture(statementId: string, keys: string[]): Promise<CapturedStatement>;
  /**
   * Replaces a section's content with `content` (a ProseMirror document of the shared schema) as an
   * ordinary edit by `userId`, seen live by every client. False when the statement is frozen.
   */
  replaceSection(statementId: string, key: string, content: JSONContent, userId: string): Promise<boolean>;
  /** Each section's paragraphs with the client ids that wrote them. */
  paragraphs(statementId: string, keys: string[]): Promise<SectionParagraphs[]>;
  /** Whether both ends of a comment anchor (base64 relative positions) lie in the section. */
  isValidAnchor(
    statementId: string,
    sectionKey: string,
    anchor: { start: string; end: string },
  ): Promise<boolean>;
}
