import type { ContentBlock, SectionContent, Signatory, StatementDocument } from "../content";
import { type TemplateSection, TJANSTEUTLATANDE_TEMPLATE } from "../template";

/**
 * Imports a tjänsteutlåtande from the plain text a PDF extractor produces.
 *
 * The extractor's conventions (seen in real statements):
 * - every wrapped line is followed by an empty line, so "" is a soft wrap;
 * - a whitespace-only line (" ") is a paragraph break;
 * - a page break shows as a line with leading whitespace directly after a content line;
 * - lines carry trailing spaces and the text may end with a dashes-only marker ("-----").
 */

export type StatementImportErrorReason =
  | "empty-text"
  | "no-sections"
  | "missing-recipient"
  | "empty-file"
  | "too-large"
  | "not-docx"
  | "encrypted"
  | "corrupt";

export class StatementImportError extends Error {
  readonly reason: StatementImportErrorReason;

  constructor(reason: StatementImportErrorReason, message: string) {
    super(message);
    this.name = "StatementImportError";
    this.reason = reason;
  }
}

export function importPlainTextStatement(text: string): StatementDocument {
  const lines = classifyLines(normaliseText(text));
  if (!lines.some((line) => line.kind === "content")) {
    throw new StatementImportError(
      "empty-text",
      "Texten är tom och kan inte importeras som ett tjänsteutlåtande.",
    );
  }

  const { headerLines, sections } = splitIntoHeaderAndSections(lines);
  if (sections.length === 0) {
    throw new StatementImportError(
      "no-sections",
      "Texten innehåller ingen känd avsnittsrubrik (t.ex. ”Förslag till beslut” eller ”Bakgrund”) och känns inte igen som ett tjänsteutlåtande.",
    );
  }

  const { recipient, title } = parseHeader(headerLines);
  const interpreted = sections.map((section) => ({ section, ...interpretParagraphs(section.paragraphs) }));
  const bodyText = sections.flatMap((section) => section.paragraphs.map(paragraphText)).join("\n");
  const extendedDeadline = findExtendedDeadline(bodyText);

  return {
    recipient,
    title,
    diarienummer: findDiarienummer(lines),
    remissSender: findRemissSender(bodyText),
    deadline: findDeadline(bodyText),
    extendedDeadline,
    preparingUnits: findPreparingUnits(bodyText),
    signatories: interpreted.flatMap((entry) => entry.signatories),
    sections: TJANSTEUTLATANDE_TEMPLATE.map((templateSection): SectionContent => {
      const found = interpreted.find((entry) => entry.section.template.key === templateSection.key);
      return { key: templateSection.key, title: templateSection.title, blocks: found?.blocks ?? [] };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Lines

type LineKind = "softWrap" | "paragraphBreak" | "content";

interface SourceLine {
  kind: LineKind;
  /** Right-trimmed; leading whitespace is kept because it marks page breaks and column layout. */
  text: string;
}

/** NBSP and its narrow/figure variants are layout artefacts, not meaningful characters. */
const NON_BREAKING_SPACES = /[\u00A0\u2007\u202F]/g;

function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(NON_BREAKING_SPACES, " ");
}

function classifyLines(text: string): SourceLine[] {
  const lines = text.split("\n").map(classifyLine);
  dropTrailingEndMarker(lines);
  return lines;
}

function classifyLine(raw: string): SourceLine {
  if (raw.length === 0) return { kind: "softWrap", text: "" };
  const text = raw.trimEnd();
  if (text.length === 0) return { kind: "paragraphBreak", text: "" };
  return { kind: "content", text };
}

/** The extractor marks the end of the document with a dashes-only line; it is not content. */
function dropTrailingEndMarker(lines: SourceLine[]): void {
  const lastContent = lines.findLastIndex((line) => line.kind === "content");
  const marker = lines[lastContent];
  if (marker && /^-{3,}$/.test(marker.text.trim())) {
    lines[lastContent] = { kind: "paragraphBreak", text: "" };
  }
}

// ---------------------------------------------------------------------------------------------
// Sections and paragraphs

/** A paragraph as its source lines, so column layout (signatures) and numbering survive. */
type RawParagraph = string[];

interface RawSection {
  template: TemplateSection;
  paragraphs: RawParagraph[];
}

interface HeadingMatch {
  template: TemplateSection;
  /** Text following "Title:" on the heading line, e.g. "Bilaga: Motion till …". */
  inlineText: string;
}

function splitIntoHeaderAndSections(lines: SourceLine[]): {
  headerLines: SourceLine[];
  sections: RawSection[];
} {
  const headerLines: SourceLine[] = [];
  const sections: RawSection[] = [];
  const usedKeys = new Set<string>();
  let current: RawSection | null = null;
  let paragraph: RawParagraph = [];
  let previousKind: LineKind = "paragraphBreak";

  const closeParagraph = () => {
    if (current && paragraph.length > 0) current.paragraphs.push(paragraph);
    paragraph = [];
  };

  for (const line of lines) {
    if (current === null) headerLines.push(line);
    if (line.kind === "paragraphBreak") closeParagraph();
    if (line.kind === "content") {
      // A page break is a fresh start for headings, but body text may still continue across it.
      const isPageBreak = previousKind === "content" && /^\s/.test(line.text);
      const heading = matchHeading(line.text, paragraph.length === 0 || isPageBreak, usedKeys);
      if (heading) {
        if (current === null) headerLines.pop();
        closeParagraph();
        usedKeys.add(heading.template.key);
        current = { template: heading.template, paragraphs: [] };
        sections.push(current);
        if (heading.inlineText) paragraph.push(heading.inlineText);
      } else if (current !== null) {
        paragraph.push(line.text);
      }
    }
    previousKind = line.kind;
  }
  closeParagraph();
  return { headerLines, sections };
}

/**
 * A heading is a line that is exactly a template title (wherever it occurs), or — at a paragraph
 * start — "Title: text". Repeated titles ("Förslag till beslut") take the next unused template
 * section with that title, so the second occurrence becomes the closing section.
 */
function matchHeading(
  lineText: string,
  atParagraphStart: boolean,
  usedKeys: Set<string>,
): HeadingMatch | null {
  const text = collapseWhitespace(lineText);
  for (const template of TJANSTEUTLATANDE_TEMPLATE) {
    if (usedKeys.has(template.key)) continue;
    const inlineText = textAfterTitle(text, template.title, atParagraphStart);
    if (inlineText !== null) return { template, inlineText };
  }
  return null;
}

/** Returns the text after the title ("" for a bare title line), or null when the line is no heading. */
function textAfterTitle(text: string, title: string, atParagraphStart: boolean): string | null {
  const lowerText = text.toLocaleLowerCase("sv");
  const lowerTitle = title.toLocaleLowerCase("sv");
  if (lowerText === lowerTitle || lowerText === `${lowerTitle}:`) return "";
  if (atParagraphStart && lowerText.startsWith(`${lowerTitle}:`)) {
    return text.slice(title.length + 1).trim();
  }
  return null;
}

function paragraphText(paragraph: RawParagraph): string {
  return collapseWhitespace(paragraph.join(" "));
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------
// Header ("Till <nämnd>" followed by the title)

function parseHeader(headerLines: SourceLine[]): { recipient: string; title: string } {
  const groups = groupHeaderLines(headerLines).filter((group) => !isDiarienummerText(group));
  const tillIndex = groups.findIndex((group) => /^Till(?::|\s|$)/.test(group));
  const tillGroup = groups[tillIndex];
  if (tillGroup === undefined) throw missingRecipientError();

  // The recipient is either on the "Till" line itself or the next group.
  const sameLineRecipient = tillGroup.replace(/^Till:?/, "").trim();
  const recipient = sameLineRecipient || (groups[tillIndex + 1] ?? "");
  if (!recipient) throw missingRecipientError();

  const titleStart = tillIndex + (sameLineRecipient ? 1 : 2);
  return { recipient, title: collapseWhitespace(groups.slice(titleStart).join(" ")) };
}

/**
 * In the header, wrapped title lines follow each other directly while separate items (Till,
 * recipient, title) are separated by empty lines — so any non-content line separates groups.
 */
function groupHeaderLines(headerLines: SourceLine[]): string[] {
  const groups: string[] = [];
  let group: string[] = [];
  for (const line of [...headerLines, { kind: "paragraphBreak" as const, text: "" }]) {
    if (line.kind === "content") {
      group.push(line.text);
    } else if (group.length > 0) {
      groups.push(collapseWhitespace(group.join(" ")));
      group = [];
    }
  }
  return groups;
}

function missingRecipientError(): StatementImportError {
  return new StatementImportError(
    "missing-recipient",
    "Texten saknar mottagare (”Till …”) före första avsnittet och känns inte igen som ett tjänsteutlåtande.",
  );
}

// ---------------------------------------------------------------------------------------------
// Blocks: paragraphs, numbered proposals and signature blocks

const NUMBERED_LINE = /^\s*(\d{1,2})[.)]\s+(.*)$/;

function interpretParagraphs(paragraphs: RawParagraph[]): {
  blocks: ContentBlock[];
  signatories: Signatory[];
} {
  const blocks: ContentBlock[] = [];
  const signatories: Signatory[] = [];
  for (const paragraph of paragraphs) {
    const signatureBlock = parseSignatureBlock(paragraph);
    if (signatureBlock) {
      signatories.push(...signatureBlock);
    } else if (NUMBERED_LINE.test(paragraph[0] ?? "")) {
      appendListItems(blocks, splitNumberedItems(paragraph));
    } else {
      blocks.push({ type: "paragraph", text: paragraphText(paragraph) });
    }
  }
  return { blocks, signatories };
}

/** Numbered paragraphs that follow each other belong to the same list. */
function appendListItems(blocks: ContentBlock[], items: string[]): void {
  const previous = blocks.at(-1);
  if (previous?.type === "orderedList") {
    previous.items.push(...items);
  } else {
    blocks.push({ type: "orderedList", items });
  }
}

/**
 * Splits a paragraph starting with "1. …" into items. Only the next number in sequence starts a
 * new item, so a wrapped line that happens to begin with a number stays part of its item.
 */
function splitNumberedItems(paragraph: RawParagraph): string[] {
  const items: string[][] = [];
  let expectedNumber: number | null = null;
  for (const line of paragraph) {
    const numbered = NUMBERED_LINE.exec(line);
    const number = numbered ? Number(numbered[1]) : null;
    const current = items.at(-1);
    if (numbered && (expectedNumber === null || number === expectedNumber)) {
      items.push([numbered[2] ?? ""]);
      expectedNumber = (number ?? 0) + 1;
    } else if (current) {
      current.push(line);
    }
  }
  return items.map(paragraphText);
}

/**
 * Signatures are laid out in columns: names on one row, titles on the next, shifted by the PDF
 * extractor. Reading chunks (split on runs of 2+ spaces) in order, capitalised chunks are names
 * and lower-case chunks are titles; the n:th name belongs with the n:th title.
 */
function parseSignatureBlock(paragraph: RawParagraph): Signatory[] | null {
  const chunks = paragraph.flatMap((line) => line.trim().split(/\s{2,}/)).filter((chunk) => chunk.length > 0);
  const names: string[] = [];
  const titles: string[] = [];
  for (const chunk of chunks) {
    if (looksLikePersonName(chunk)) names.push(chunk);
    else if (looksLikeJobTitle(chunk)) titles.push(chunk);
    else return null;
  }
  if (names.length === 0 || names.length !== titles.length) return null;
  return names.map((name, index) => ({ name, title: titles[index] ?? "" }));
}

/** Lower-case name particles that may appear between capitalised name parts. */
const NAME_PARTICLES = new Set(["af", "av", "de", "den", "der", "di", "du", "la", "van", "von"]);

function looksLikePersonName(chunk: string): boolean {
  const words = chunk.split(" ");
  if (words.length < 2 || words.length > 5) return false;
  const first = words[0] ?? "";
  const last = words.at(-1) ?? "";
  return (
    isCapitalisedWord(first) &&
    isCapitalisedWord(last) &&
    words.every((word) => isCapitalisedWord(word) || NAME_PARTICLES.has(word))
  );
}

function isCapitalisedWord(word: string): boolean {
  return /^\p{Lu}[\p{L}'’-]*$/u.test(word);
}

/** Titles are short lower-case phrases ("stadsdelsdirektör", "t.f. avdelningschef"), not sentences. */
function looksLikeJobTitle(chunk: string): boolean {
  const words = chunk.split(" ");
  return /^\p{Ll}/u.test(chunk) && words.length <= 6 && !/[!?:;,]|\.$/.test(chunk) && !/\d/.test(chunk);
}

// ---------------------------------------------------------------------------------------------
// Metadata found in the running text

const SWEDISH_MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** "1 september 2011" or "2011-09-01"; used inside larger patterns, so it has no anchors. */
const DATE_PATTERN = `(\\d{1,2}\\s+(?:${SWEDISH_MONTHS.join("|")})\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;

const EXTENDED_DEADLINE = new RegExp(
  `förlängd\\s+svarstid\\s+(?:till\\s+)?(?:och\\s+med\\s+)?(?:senast\\s+)?(?:den\\s+)?${DATE_PATTERN}`,
  "iu",
);
const RECEIVER_DEADLINE = new RegExp(`tillhanda\\s+senast\\s+(?:den\\s+)?${DATE_PATTERN}`, "iu");
const ANY_DEADLINE = new RegExp(`\\bsenast\\s+(?:den\\s+)?${DATE_PATTERN}`, "iu");

function findExtendedDeadline(text: string): string | null {
  return toIsoDate(EXTENDED_DEADLINE.exec(text)?.[1]);
}

/** Prefers "tillhanda senast <date>"; any other "senast <date>" counts unless it is the extension. */
function findDeadline(text: string): string | null {
  const withoutExtension = text.replace(EXTENDED_DEADLINE, " ");
  const match = RECEIVER_DEADLINE.exec(withoutExtension) ?? ANY_DEADLINE.exec(withoutExtension);
  return toIsoDate(match?.[1]);
}

function toIsoDate(dateText: string | undefined): string | null {
  if (!dateText) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateText)) return dateText;
  const [day, monthName, year] = dateText.toLocaleLowerCase("sv").split(/\s+/);
  const month = SWEDISH_MONTHS.indexOf(monthName ?? "") + 1;
  const dayNumber = Number(day);
  if (month === 0 || dayNumber < 1 || dayNumber > 31 || !year) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(dayNumber).padStart(2, "0")}`;
}

const REMISS_SENDER_PATTERNS = [
  /\bhar\s+av\s+(\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,4}?)\s+remitterats\b/iu,
  /\bremitterats\s+av\s+(\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,4}?)\s+(?:till|för)\b/iu,
];

function findRemissSender(text: string): string | null {
  for (const pattern of REMISS_SENDER_PATTERNS) {
    const sender = pattern.exec(text)?.[1];
    if (sender) return capitaliseFirst(sender);
  }
  return null;
}

// JavaScript's \b only knows ASCII letters, so "Ä" needs a Unicode-aware lookbehind instead.
const PREPARED_BY = /(?<!\p{L})ärendet\s+har\s+beretts\s+(?:inom|av|på|vid|i)\s+(.+?)\.(?=\s|$)/iu;

function findPreparingUnits(text: string): string[] {
  const list = PREPARED_BY.exec(text)?.[1];
  return list ? splitSwedishList(list).map(capitaliseFirst) : [];
}

/**
 * Splits "A, B och C". Only the last comma part holds the final conjunction, and "och" right after
 * a hyphen is a compound ellipsis ("Barn- och ungdomsenheten"), not a list separator.
 */
function splitSwedishList(list: string): string[] {
  const parts = list.split(/\s*,\s*/);
  const last = parts.pop() ?? "";
  const conjunction = [...last.matchAll(/(?<!-)\s+(?:och|samt)\s+/gu)].at(-1);
  if (conjunction?.index !== undefined) {
    parts.push(last.slice(0, conjunction.index), last.slice(conjunction.index + conjunction[0].length));
  } else {
    parts.push(last);
  }
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

const DIARIENUMMER_COLUMN = /^(?:Dnr|Diarienummer)\b\.?\s*:?\s*(.*)$/iu;

/** The diarienummer may share its line with other header columns, so look column by column. */
function findDiarienummer(lines: SourceLine[]): string | null {
  for (const line of lines) {
    for (const column of line.text.trim().split(/\s{2,}/)) {
      const value = DIARIENUMMER_COLUMN.exec(column)?.[1]?.trim();
      if (value) return value;
    }
  }
  return null;
}

function isDiarienummerText(text: string): boolean {
  return DIARIENUMMER_COLUMN.test(text);
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv") + text.slice(1);
}
