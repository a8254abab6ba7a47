import type { JSONContent } from "@tiptap/core";
import type { Signatory } from "../domain/content";
import { formatSwedishDate, formatSwedishDateTime } from "../domain/deadline";

/** A handläggare as printed on the statement. */
export interface DocumentContact {
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

export interface DocumentApproval {
  approver: string;
  /** e.g. "enhetschef för Barn- och ungdomsenheten". */
  role: string;
  contentHash: string;
  /** ISO timestamp. */
  approvedAt: string;
}

/** The approval record appended on request ("Beslutsunderlag: godkännanden"). */
export interface ApprovalRecord {
  sections: { title: string; approvals: DocumentApproval[] }[];
  finalisedBy: string | null;
  finalisedAt: string | null;
  /** SHA-256 of the frozen final version, when there is one. */
  finalChecksum: string | null;
}

/**
 * Everything a rendering of a tjänsteutlåtande needs (document view, DOCX, PDF), as plain data.
 * Section content is ProseMirror JSON of the shared section schema.
 */
export interface StatementDocumentModel {
  organisation: string;
  /** The preparing avdelning, shown under the förvaltning. */
  avdelning: string | null;
  title: string;
  recipient: string;
  diarienummer: string | null;
  /** ISO date of the statement. */
  date: string | null;
  contacts: DocumentContact[];
  signatories: Signatory[];
  /** Not finalised: every page is marked UTKAST. */
  draft: boolean;
  sections: { key: string; title: string; content: JSONContent }[];
  approvals: ApprovalRecord | null;
}

/** The first section (Förslag till beslut) stands before the signatures; the rest follow them. */
export const PROPOSAL_SECTION_KEY = "forslag-till-beslut";

const APPENDIX_TITLE = "Beslutsunderlag: godkännanden";
export const DRAFT_MARK = "UTKAST";

/** "Handläggare: name, telephone" lines' content, one per handläggare. */
export function contactLine(contact: DocumentContact): string {
  return [contact.name, contact.phone].filter(Boolean).join(", ");
}

/** The Swedish date as printed in the header ("15 augusti 2011"), or "" when not set. */
export function documentDate(isoDate: string | null): string {
  return isoDate ? formatSwedishDate(isoDate) : "";
}

/** The parts both renderers print alike: the proposal before the signatures, the rest after. */
export function documentParts(model: StatementDocumentModel) {
  const [first, ...rest] = model.sections;
  const hasProposal = first?.key === PROPOSAL_SECTION_KEY;
  return {
    proposal: hasProposal ? first : undefined,
    others: hasProposal ? rest : model.sections,
    contactLines: model.contacts.map((contact) => `Handläggare: ${contactLine(contact)}`),
    appendix: model.approvals ? appendixParts(model.approvals) : null,
  };
}

/** The approval appendix as printed: times in Swedish, the finalisation as one line. */
function appendixParts(record: ApprovalRecord) {
  const sections = record.sections.map((section) => ({
    title: section.title,
    approvals: section.approvals.map((approval) => ({
      ...approval,
      approvedAt: formatSwedishDateTime(approval.approvedAt),
    })),
  }));
  const finalised =
    record.finalisedBy && record.finalisedAt
      ? `Justerat av ${record.finalisedBy}, ${formatSwedishDateTime(record.finalisedAt)}.`
      : "Tjänsteutlåtandet är inte justerat.";
  return { title: APPENDIX_TITLE, sections, finalised, finalChecksum: record.finalChecksum };
}

export type AppendixParts = ReturnType<typeof appendixParts>;

/** The text of an inline node tree, as one string. */
export function nodeText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(nodeText).join("");
}

/** A file name from the diarienummer and title, without characters file systems refuse. */
export function exportFileName(model: Pick<StatementDocumentModel, "diarienummer" | "title">, ext: string) {
  const base = [model.diarienummer, model.title]
    .filter(Boolean)
    .join(" ")
    .replace(/["”“]/g, "")
    .replace(/[\\/:*?<>|]/g, "-")
    .replace(/\p{Cc}/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  return `${base || "tjansteutlatande"}.${ext}`;
}
