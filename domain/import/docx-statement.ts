import JSZip from "jszip";
import mammoth from "mammoth";
import type { StatementDocument } from "../content";
import { TJANSTEUTLATANDE_TEMPLATE } from "../template";
import { childElements, elementText, type HtmlElement, parseMammothHtml } from "./mammoth-html";
import { importPlainTextStatement, StatementImportError } from "./plain-text-statement";

/**
 * Imports a tjänsteutlåtande from a Word file (.docx). Mammoth reads the body, the page header is
 * read from its XML (mammoth leaves headers out; the Dnr is there), and both are written out as the
 * plain text a PDF extractor gives, so that one mapping (importPlainTextStatement) decides what is
 * a section heading, the header, the signatories and the details.
 */

export const MAX_DOCX_BYTES = 10 * 1024 * 1024;

export interface DocxStatementImport {
  document: StatementDocument;
  /** Text that belongs to no template section, shown to the user before the statement is created. */
  unmatched: string[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Encrypted (password-protected) Office files are OLE compound files, not zips. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, at) => bytes[at] === byte);

function refuse(reason: "empty-file" | "too-large" | "not-docx" | "encrypted" | "corrupt"): never {
  const messages = {
    "empty-file": "Filen är tom (0 byte).",
    "too-large": "Filen är för stor. Ett Word-dokument får vara högst 10 MB.",
    "not-docx": "Filen är inte ett Word-dokument (.docx).",
    encrypted:
      "Word-dokumentet är krypterat eller lösenordsskyddat och kan inte läsas. Spara det utan lösenord och försök igen.",
    corrupt: "Word-dokumentet är skadat och kan inte läsas.",
  };
  throw new StatementImportError(reason, messages[reason]);
}

async function openDocx(bytes: Uint8Array): Promise<JSZip> {
  if (bytes.length === 0) refuse("empty-file");
  if (bytes.length > MAX_DOCX_BYTES) refuse("too-large");
  if (startsWith(bytes, OLE_MAGIC)) refuse("encrypted");
  if (!startsWith(bytes, ZIP_MAGIC)) refuse("not-docx");
  const zip = await JSZip.loadAsync(bytes).catch(() => refuse("corrupt"));
  if (!zip.file("word/document.xml")) refuse("not-docx");
  return zip;
}

/** The page headers' paragraphs, tabs kept as column gaps (the Dnr sits in a column). */
async function headerLines(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files)
    .filter((name) => /^word\/header\d*\.xml$/.test(name))
    .sort();
  const lines: string[] = [];
  for (const name of names) {
    const xml = (await zip.file(name)?.async("string")) ?? "";
    for (const paragraph of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      const text = [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
        .map((match) => (match[0] === "<w:tab/>" ? "    " : (match[1] ?? "")))
        .join("")
        .trim();
      if (text && !lines.includes(text)) lines.push(text);
    }
  }
  return lines;
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

interface BodyBlock {
  heading: boolean;
  /** The block as the extractor's lines: a paragraph is one line, a table a line per row. */
  lines: string[];
}

/** A table's rows as column-laid lines, as a signature block looks in extracted text. */
function tableLines(table: HtmlElement): string[] {
  const rows = table.children.flatMap((child) =>
    typeof child === "string" ? [] : child.tag === "tr" ? [child] : childElements(child, ["tr"]),
  );
  return rows.flatMap((row) => {
    const cells = childElements(row, ["td", "th"]).map((cell) => {
      const paragraphs = childElements(cell, ["p"]).map((p) => collapse(elementText(p)));
      return paragraphs.length > 0 ? paragraphs : [collapse(elementText(cell))];
    });
    const depth = Math.max(0, ...cells.map((cell) => cell.length));
    return Array.from({ length: depth }, (_, line) =>
      cells
        .map((cell) => cell[line] ?? "")
        .filter(Boolean)
        .join("        "),
    ).filter(Boolean);
  });
}

function bodyBlocks(root: HtmlElement): BodyBlock[] {
  return childElements(root)
    .flatMap((element): BodyBlock[] => {
      if (/^h[1-6]$/.test(element.tag)) return [{ heading: true, lines: [collapse(elementText(element))] }];
      if (element.tag === "ol" || element.tag === "ul") {
        return childElements(element, ["li"]).map((item, index) => ({
          heading: false,
          lines: [`${element.tag === "ol" ? `${index + 1}.` : "•"} ${collapse(elementText(item))}`],
        }));
      }
      if (element.tag === "table") return [{ heading: false, lines: tableLines(element) }];
      return [{ heading: false, lines: [collapse(elementText(element))] }];
    })
    .filter((block) => block.lines.some((line) => line.length > 0));
}

const TEMPLATE_TITLES = new Set(
  TJANSTEUTLATANDE_TEMPLATE.map((section) => section.title.toLocaleLowerCase("sv")),
);
const isTemplateTitle = (text: string) =>
  TEMPLATE_TITLES.has(collapse(text).replace(/:$/, "").toLocaleLowerCase("sv"));

/**
 * What the mapping leaves out: Word headings that name no template section (their text joins the
 * section before), and paragraphs between the title and the first section.
 */
function unmatchedText(blocks: BodyBlock[]): string[] {
  const firstSection = blocks.findIndex(
    (block) => block.lines.length === 1 && isTemplateTitle(block.lines[0] ?? ""),
  );
  const head = firstSection < 0 ? blocks : blocks.slice(0, firstSection);
  const till = head.findIndex((block) => /^Till(?::|\s|$)/.test(block.lines[0] ?? ""));
  const titleEnd = till < 0 ? 0 : till + ((head[till]?.lines[0] ?? "").trim() === "Till" ? 3 : 2);
  const extraHead = head.slice(titleEnd).flatMap((block) => block.lines);
  const foreignHeadings = blocks
    .slice(Math.max(firstSection, 0))
    .filter((block) => block.heading && !isTemplateTitle(block.lines[0] ?? ""))
    .flatMap((block) => block.lines);
  return [...extraHead, ...foreignHeadings];
}

/** The title: the paragraph after Till and the recipient (the extractor joins all that follows). */
function titleOf(blocks: BodyBlock[], fallback: string): string {
  const till = blocks.findIndex((block) => /^Till(?::|\s|$)/.test(block.lines[0] ?? ""));
  const offset = (blocks[till]?.lines[0] ?? "").trim() === "Till" ? 2 : 1;
  const title = till < 0 ? undefined : blocks[till + offset];
  return title && !isTemplateTitle(title.lines[0] ?? "") ? collapse(title.lines.join(" ")) : fallback;
}

export async function importDocxStatement(bytes: Uint8Array): Promise<DocxStatementImport> {
  const zip = await openDocx(bytes);
  const header = await headerLines(zip);
  const html = await mammoth
    .convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    .then((result) => result.value)
    .catch(() => refuse("corrupt"));
  const blocks = bodyBlocks(parseMammothHtml(html));
  // Each block becomes a paragraph of the extractor's text: its lines, then a blank (" ") line.
  const text = [...header.map((line) => [line, " "]), ...blocks.map((block) => [...block.lines, " "])]
    .flat()
    .join("\n");
  const document = importPlainTextStatement(text);
  return {
    document: { ...document, title: titleOf(blocks, document.title) },
    unmatched: unmatchedText(blocks),
  };
}
