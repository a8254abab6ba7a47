import type { JSONContent } from "@tiptap/core";
import type { AppendixParts, StatementDocumentModel } from "./model";
import { DRAFT_MARK, documentDate, documentParts } from "./model";
import { documentStyles } from "./styles";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

type Children = () => string;
type NodeHandler = (node: JSONContent, children: Children) => string;

const tag = (name: string) => (_node: JSONContent, children: Children) => `<${name}>${children()}</${name}>`;

/**
 * One handler per node type of the section schema. A new node type (e.g. tables) needs one entry
 * here; an unknown type is rendered as its children, so no text is ever lost.
 */
export const HTML_NODE_HANDLERS: Record<string, NodeHandler> = {
  doc: (_node, children) => children(),
  paragraph: tag("p"),
  // Section titles are h2 in the document, so the section's own headings start at h3.
  heading: (node, children) => {
    const level = Math.min(6, Number(node.attrs?.level ?? 2) + 1);
    return `<h${level}>${children()}</h${level}>`;
  },
  bulletList: tag("ul"),
  orderedList: (node, children) => {
    const start = Number(node.attrs?.start ?? 1);
    return `<ol${start !== 1 ? ` start="${start}"` : ""}>${children()}</ol>`;
  },
  listItem: tag("li"),
  blockquote: tag("blockquote"),
  hardBreak: () => "<br>",
  table: (_node, children) => `<table class="tu-table"><tbody>${children()}</tbody></table>`,
  tableRow: tag("tr"),
  tableHeader: tag("th"),
  tableCell: tag("td"),
  text: (node) => markText(node),
};

const MARK_TAGS: Record<string, string> = { bold: "strong", italic: "em", underline: "u", strike: "s" };

function markText(node: JSONContent): string {
  let html = escapeHtml(node.text ?? "");
  for (const mark of node.marks ?? []) {
    const name = MARK_TAGS[mark.type];
    if (name) html = `<${name}>${html}</${name}>`;
    if (mark.type === "link" && typeof mark.attrs?.href === "string") {
      html = `<a href="${escapeHtml(mark.attrs.href)}">${html}</a>`;
    }
  }
  return html;
}

export function contentToHtml(node: JSONContent): string {
  const children = () => (node.content ?? []).map(contentToHtml).join("");
  const handler = HTML_NODE_HANDLERS[node.type ?? ""];
  return handler ? handler(node, children) : children();
}

function paragraphs(lines: (string | null)[], className: string): string {
  return lines
    .filter((line): line is string => Boolean(line))
    .map((line) => `<p class="${className}">${escapeHtml(line)}</p>`)
    .join("");
}

function documentHead(model: StatementDocumentModel): string {
  return `<header class="tu-head">
<div class="tu-org">${paragraphs([model.organisation, model.avdelning], "tu-org-line")}</div>
<div class="tu-meta">${paragraphs(
    [
      "Tjänsteutlåtande",
      `Dnr ${model.diarienummer ?? "–"}`,
      documentDate(model.date) ? `Datum ${documentDate(model.date)}` : null,
    ],
    "tu-meta-line",
  )}</div>
</header>`;
}

function signatureBlock(model: StatementDocumentModel): string {
  if (model.signatories.length === 0) return "";
  const people = model.signatories
    .map(
      (person) =>
        `<div class="tu-signatory"><p class="tu-signatory-name">${escapeHtml(person.name)}</p><p>${escapeHtml(person.title)}</p></div>`,
    )
    .join("");
  return `<div class="tu-signatures" aria-label="Underskrifter">${people}</div>`;
}

function sectionHtml(section: StatementDocumentModel["sections"][number]): string {
  return `<section class="tu-section" data-section="${escapeHtml(section.key)}"><h2>${escapeHtml(section.title)}</h2>${contentToHtml(section.content)}</section>`;
}

function appendixHtml(record: AppendixParts): string {
  const sections = record.sections
    .map((section) => {
      const rows = section.approvals
        .map(
          (approval) =>
            `<tr><td>${escapeHtml(approval.approver)}</td><td>${escapeHtml(approval.role)}</td><td class="tu-hash">${escapeHtml(approval.contentHash)}</td><td>${escapeHtml(approval.approvedAt)}</td></tr>`,
        )
        .join("");
      const body = rows
        ? `<table class="tu-table"><thead><tr><th>Godkänt av</th><th>Roll</th><th>Innehållets kontrollsumma</th><th>Tid</th></tr></thead><tbody>${rows}</tbody></table>`
        : "<p>Inga godkännanden.</p>";
      return `<h3>${escapeHtml(section.title)}</h3>${body}`;
    })
    .join("");
  const finalised = `<p>${escapeHtml(record.finalised)}</p>`;
  const checksum = record.finalChecksum
    ? `<p>Den justerade versionens kontrollsumma: <span class="tu-hash">${escapeHtml(record.finalChecksum)}</span></p>`
    : "";
  return `<section class="tu-appendix"><h2>${escapeHtml(record.title)}</h2>${sections}${finalised}${checksum}</section>`;
}

/** The statement as an HTML fragment in the layout of Stockholms stad's tjänsteutlåtanden. */
export function renderDocumentBody(model: StatementDocumentModel): string {
  const { proposal, others, contactLines, appendix } = documentParts(model);
  return `<article class="tu-document${model.draft ? " tu-draft" : ""}" lang="sv-SE">
${model.draft ? `<p class="tu-draft-note">${DRAFT_MARK}: tjänsteutlåtandet är inte justerat.</p>` : ""}
${documentHead(model)}
${paragraphs(contactLines, "tu-contact")}
<p class="tu-recipient">Till<br>${escapeHtml(model.recipient)}</p>
<h1 class="tu-title">${escapeHtml(model.title)}</h1>
${proposal ? sectionHtml(proposal) : ""}
${signatureBlock(model)}
${others.map(sectionHtml).join("\n")}
${appendix ? appendixHtml(appendix) : ""}
</article>`;
}

/** A standalone HTML page of the document, for the PDF engine. */
export function renderDocumentPage(model: StatementDocumentModel): string {
  return `<!doctype html><html lang="sv-SE"><head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title><style>${documentStyles(model)}</style></head><body class="tu-page">${renderDocumentBody(model)}</body></html>`;
}
