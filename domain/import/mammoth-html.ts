/**
 * A minimal reader for the HTML mammoth writes: a small, fixed set of well-formed elements
 * (p, h1–h6, ol, ul, li, table, tr, td, th, inline marks, a, br, img), with escaped text.
 */

export interface HtmlElement {
  tag: string;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const VOID_TAGS = new Set(["br", "img", "hr"]);
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#") && name !== "#39") return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

export function parseMammothHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: "root", children: [] };
  const stack: HtmlElement[] = [root];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>|([^<]+)/g)) {
    const [, closing, tagName, selfClosing, text] = match;
    const current = stack.at(-1) ?? root;
    if (text !== undefined) {
      current.children.push(decode(text));
    } else if (closing) {
      const at = stack.findLastIndex((element) => element.tag === tagName?.toLowerCase());
      if (at > 0) stack.length = at;
    } else if (tagName) {
      const element: HtmlElement = { tag: tagName.toLowerCase(), children: [] };
      current.children.push(element);
      if (!selfClosing && !VOID_TAGS.has(element.tag)) stack.push(element);
    }
  }
  return root;
}

/** The element's text; line breaks become spaces. */
export function elementText(node: HtmlNode): string {
  if (typeof node === "string") return node;
  if (node.tag === "br") return " ";
  return node.children.map(elementText).join("");
}

export function childElements(element: HtmlElement, tags?: readonly string[]): HtmlElement[] {
  return element.children.filter(
    (child): child is HtmlElement => typeof child !== "string" && (!tags || tags.includes(child.tag)),
  );
}
