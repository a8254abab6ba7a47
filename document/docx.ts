import type { JSONContent } from "@tiptap/core";
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import type { AppendixParts, StatementDocumentModel } from "./model";
import { DRAFT_MARK, documentDate, documentParts } from "./model";

type Block = Paragraph | Table;

/** State carried through one conversion: list depth and the running list instances. */
interface ConvertContext {
  listDepth: number;
  list: { kind: "ordered" | "bullet"; instance: number } | null;
  nextInstance: () => number;
}

type BlockHandler = (node: JSONContent, context: ConvertContext) => Block[];

const ORDERED = "tu-ordered";
const BULLET = "tu-bullet";

function runs(nodes: JSONContent[] | undefined): ParagraphChild[] {
  return (nodes ?? []).flatMap((node): ParagraphChild[] => {
    if (node.type === "hardBreak") return [new TextRun({ break: 1 })];
    if (node.type !== "text") return runs(node.content);
    const marks = new Set((node.marks ?? []).map((mark) => mark.type));
    const run = new TextRun({
      text: node.text ?? "",
      bold: marks.has("bold") || undefined,
      italics: marks.has("italic") || undefined,
      strike: marks.has("strike") || undefined,
      underline: marks.has("underline") ? {} : undefined,
    });
    const link = node.marks?.find((mark) => mark.type === "link")?.attrs?.href;
    return [typeof link === "string" ? new ExternalHyperlink({ link, children: [run] }) : run];
  });
}

function children(node: JSONContent, context: ConvertContext): Block[] {
  return (node.content ?? []).flatMap((child) => convertBlock(child, context));
}

function list(kind: "ordered" | "bullet"): BlockHandler {
  return (node, context) =>
    children(node, {
      ...context,
      listDepth: context.list ? context.listDepth + 1 : 0,
      list: { kind, instance: context.nextInstance() },
    });
}

function tableCell(node: JSONContent, context: ConvertContext): TableCell {
  const blocks = children(node, context);
  return new TableCell({ children: blocks.length > 0 ? blocks : [new Paragraph("")] });
}

/**
 * One handler per node type of the section schema. A new node type needs one entry here; an
 * unknown type is converted as its children, so no text is lost.
 */
export const DOCX_NODE_HANDLERS: Record<string, BlockHandler> = {
  doc: children,
  paragraph: (node, context) => {
    const numbering = context.list
      ? {
          numbering: {
            reference: context.list.kind === "ordered" ? ORDERED : BULLET,
            level: Math.min(context.listDepth, 8),
            instance: context.list.instance,
          },
        }
      : {};
    return [new Paragraph({ children: runs(node.content), ...numbering })];
  },
  // Section titles are Heading 1, so the section's own headings are Heading 2 and 3.
  heading: (node) => [
    new Paragraph({
      heading: Number(node.attrs?.level ?? 2) >= 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2,
      children: runs(node.content),
    }),
  ],
  orderedList: list("ordered"),
  bulletList: list("bullet"),
  // A list item's later paragraphs continue the item without a number of their own.
  listItem: (node, context) => {
    const [first, ...rest] = node.content ?? [];
    const head = first ? convertBlock(first, context) : [];
    const tail = rest.flatMap((child) =>
      child.type === "paragraph"
        ? [new Paragraph({ children: runs(child.content), indent: { left: 720 * (context.listDepth + 1) } })]
        : convertBlock(child, context),
    );
    return [...head, ...tail];
  },
  blockquote: (node) =>
    (node.content ?? []).map((child) => new Paragraph({ style: "Quote", children: runs(child.content) })),
  table: (node, context) => [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: (node.content ?? []).map(
        (row) => new TableRow({ children: (row.content ?? []).map((cell) => tableCell(cell, context)) }),
      ),
    }),
  ],
};

function convertBlock(node: JSONContent, context: ConvertContext): Block[] {
  const handler = DOCX_NODE_HANDLERS[node.type ?? ""] ?? children;
  return handler(node, context);
}

/** Converts one section's ProseMirror content; list instances are numbered from `instances`. */
export function contentToDocx(content: JSONContent, instances: { next: number }): Block[] {
  return convertBlock(content, {
    listDepth: 0,
    list: null,
    nextInstance: () => {
      instances.next += 1;
      return instances.next;
    },
  });
}

function headerParagraphs(model: StatementDocumentModel): Paragraph[] {
  const pageNumber = ["Sida ", PageNumber.CURRENT, " (", PageNumber.TOTAL_PAGES, ")"];
  return [
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
      children: [
        new TextRun({ text: model.organisation, bold: true }),
        new TextRun({ children: [new Tab(), "Tjänsteutlåtande"], bold: true }),
      ],
    }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
      children: [
        new TextRun(model.avdelning ?? ""),
        new TextRun({ children: [new Tab(), `Dnr ${model.diarienummer ?? "–"}`] }),
      ],
    }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
      children: [
        new TextRun(documentDate(model.date)),
        new TextRun({ children: [new Tab(), ...pageNumber] }),
      ],
    }),
    ...(model.draft
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: DRAFT_MARK, bold: true, color: "8A1C1C", size: 28 })],
          }),
        ]
      : []),
  ];
}

function signatureTable(model: StatementDocumentModel): Block[] {
  if (model.signatories.length === 0) return [];
  const noBorder = { style: "none" as const, size: 0, color: "FFFFFF" };
  const borders = { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder };
  return [
    new Paragraph(""),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { ...borders, insideHorizontal: noBorder, insideVertical: noBorder },
      rows: [
        new TableRow({
          children: model.signatories.map(
            (person) =>
              new TableCell({
                borders,
                children: [new Paragraph(person.name), new Paragraph(person.title)],
              }),
          ),
        }),
      ],
    }),
    new Paragraph(""),
  ];
}

function approvalAppendix(record: AppendixParts): Block[] {
  const blocks: Block[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: record.title }),
  ];
  for (const section of record.sections) {
    blocks.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: section.title }));
    if (section.approvals.length === 0) blocks.push(new Paragraph("Inga godkännanden."));
    for (const approval of section.approvals) {
      blocks.push(
        new Paragraph(
          `${approval.approver}, ${approval.role}, ${approval.approvedAt}: ${approval.contentHash}`,
        ),
      );
    }
  }
  blocks.push(new Paragraph(record.finalised));
  if (record.finalChecksum) {
    blocks.push(new Paragraph(`Den justerade versionens kontrollsumma: ${record.finalChecksum}`));
  }
  return blocks;
}

function sectionBlocks(section: StatementDocumentModel["sections"][number], instances: { next: number }) {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.title }),
    ...contentToDocx(section.content, instances),
  ];
}

const numberingLevels = (
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: (level: number) => string,
) =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

/** The statement as a Word document (DOCX bytes). */
export async function renderDocx(model: StatementDocumentModel): Promise<Buffer> {
  const instances = { next: 0 };
  const { proposal, others, contactLines, appendix } = documentParts(model);
  const body: Block[] = [
    ...contactLines.map((line) => new Paragraph(line)),
    new Paragraph(""),
    new Paragraph("Till"),
    new Paragraph(model.recipient),
    new Paragraph({ heading: HeadingLevel.TITLE, text: model.title }),
    ...(proposal ? sectionBlocks(proposal, instances) : []),
    ...signatureTable(model),
    ...others.flatMap((section) => sectionBlocks(section, instances)),
    ...(appendix ? approvalAppendix(appendix) : []),
  ];
  const document = new Document({
    title: model.title,
    creator: model.contacts.map((contact) => contact.name).join(", ") || model.organisation,
    subject: `Tjänsteutlåtande till ${model.recipient}`,
    keywords: model.diarienummer ? `Dnr ${model.diarienummer}` : undefined,
    description: model.draft ? DRAFT_MARK : undefined,
    customProperties: [
      { name: "Dnr", value: model.diarienummer ?? "" },
      { name: "Status", value: model.draft ? DRAFT_MARK : "Justerat" },
    ],
    styles: { default: { document: { run: { font: "Times New Roman", size: 24 } } } },
    numbering: {
      config: [
        { reference: ORDERED, levels: numberingLevels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`) },
        { reference: BULLET, levels: numberingLevels(LevelFormat.BULLET, () => "•") },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        headers: { default: new Header({ children: headerParagraphs(model) }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [
                      `Dnr ${model.diarienummer ?? "–"}    Sida `,
                      PageNumber.CURRENT,
                      " (",
                      PageNumber.TOTAL_PAGES,
                      ")",
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
