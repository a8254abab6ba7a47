/**
 * Word and many web pages paste HTML full of Office markup (conditional comments, <o:p>, style
 * blocks, mso- classes). Removing it before ProseMirror parses keeps only what the shared schema
 * knows: paragraphs, headings, lists, bold/italic/underline and links.
 */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(style|script|meta|link|xml)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<(meta|link)[^>]*\/?>/gi, "")
    .replace(/<\/?o:p[^>]*>/gi, "")
    .replace(/<\/?(w|m|v|o):[^>]*>/gi, "")
    .replace(/\s(class|style|lang|align)=("[^"]*"|'[^']*'|[^\s>]+)/gi, "");
}
