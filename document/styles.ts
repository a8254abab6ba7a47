import { DRAFT_MARK, type StatementDocumentModel } from "./model";

const DRAFT_WATERMARK = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="210" height="297" viewBox="0 0 210 297"><text x="105" y="160" text-anchor="middle" transform="rotate(-35 105 150)" font-family="Arial, sans-serif" font-size="34" font-weight="700" fill="rgba(138,28,28,0.10)">${DRAFT_MARK}</text></svg>`,
)}`;

/** A CSS string literal. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, " ")}"`;
}

/**
 * The document's stylesheet, shared by the document view and the PDF. Printing uses A4 pages
 * whose margin boxes repeat Dnr and "Sida x (y)" on every page, and UTKAST on every page of a
 * draft; everything outside the document is hidden when printing.
 */
export function documentStyles(model: Pick<StatementDocumentModel, "diarienummer" | "draft">): string {
  const dnr = cssString(`Tjänsteutlåtande  Dnr ${model.diarienummer ?? "–"}`);
  return `
.tu-document { font-family: "Times New Roman", Georgia, serif; font-size: 12pt; line-height: 1.35; color: #000;
  background: #fff; max-width: 170mm; margin: 0 auto; padding: 20mm 20mm 25mm; position: relative; }
.tu-document h1, .tu-document h2, .tu-document h3, .tu-document h4 { font-family: Arial, Helvetica, sans-serif; color: #000; }
.tu-document h1 { font-size: 16pt; margin: 1.5em 0 1em; }
.tu-document h2 { font-size: 13pt; margin: 1.5em 0 0.4em; }
.tu-document h3 { font-size: 12pt; margin: 1.2em 0 0.3em; }
.tu-document p { margin: 0 0 0.6em; }
.tu-head { display: flex; justify-content: space-between; gap: 2em; font-family: Arial, Helvetica, sans-serif; font-size: 10pt; margin-bottom: 2em; }
.tu-org-line:first-child { font-weight: 700; }
.tu-meta { text-align: right; }
.tu-meta-line:first-child { font-weight: 700; font-size: 12pt; }
.tu-org-line, .tu-meta-line { margin: 0 0 0.2em; }
.tu-contact { font-size: 10pt; }
.tu-recipient { margin-top: 1.5em; }
.tu-signatures { display: flex; gap: 4em; margin: 3em 0 2em; break-inside: avoid; }
.tu-signatory p { margin: 0; }
.tu-signatory:nth-child(2n) { margin-top: 1.5em; }
.tu-table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: 0.5em 0 1em; }
.tu-table th, .tu-table td { border: 1px solid #666; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
.tu-hash { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
.tu-appendix { break-before: page; }
.tu-draft-note { font-family: Arial, Helvetica, sans-serif; font-weight: 700; color: #8a1c1c; border: 2px solid #8a1c1c; padding: 0.3em 0.6em; display: inline-block; }
/* The draft watermark is a background image, so it is neither text to copy nor to read aloud. */
.tu-draft { background-image: url("${DRAFT_WATERMARK}"); background-repeat: repeat-y; background-size: 100% 297mm;
  print-color-adjust: exact; -webkit-print-color-adjust: exact; }
@page { size: A4; margin: 22mm 20mm 22mm 20mm;
  @top-left { content: ${dnr}; font: 9pt Arial, Helvetica, sans-serif; }
  @top-right { content: "Sida " counter(page) " (" counter(pages) ")"; font: 9pt Arial, Helvetica, sans-serif; }
  ${model.draft ? `@top-center { content: "${DRAFT_MARK}"; font: 700 11pt Arial, Helvetica, sans-serif; color: #8a1c1c; }` : ""}
}
@media print {
  body > *:not(main):not(.tu-document), main > *:not(.tu-document-frame) { display: none !important; }
  body, main { margin: 0 !important; padding: 0 !important; max-width: none !important; background: #fff !important; }
  .tu-document-frame { background: #fff !important; padding: 0 !important; }
  .tu-document { max-width: none; padding: 0; margin: 0; box-shadow: none !important; min-height: 0 !important; }
  .tu-document h2, .tu-document h3 { break-after: avoid; }
}
`;
}
