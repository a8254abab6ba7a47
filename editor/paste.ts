/**
 * Word and many web pages paste HTML full of Office markup (conditional comments, <o:p>, style
 * blocks, mso- classes). Removing it before ProseMirror parses keeps only what the shared schema
 * knows: paragraphs, headings, lists, tables, bold/italic/underline and links. Word's and LibreOffice's
 * column widths are dropped with it, so a pasted table's columns size to their content.
 */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(style|script|meta|link|xml)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<(meta|link)[^>]*\/?>/gi, "")
    .replace(/<\/?o:p[^>]*>/gi, "")
    .replace(/<\/?(w|m|v|o):[^>]*>/gi, "")
    .replace(/<\/?(colgroup|col)\b[^>]*>/gi, "")
    .replace(/\s(class|style|lang|align|width|colwidth)=("[^"]*"|'[^']*'|[^\s>]+)/gi, "");
}
