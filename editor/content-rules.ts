import type { Schema } from "@tiptap/pm/model";
import { LINK_PROTOCOLS } from "./extensions";
import { sectionSchema } from "./schema";

/**
 * What a section's Yjs content may hold, derived from the one editor schema: each node's name and
 * attributes, whether it holds text, and each mark's attributes. y-tiptap stores a node as a
 * Y.XmlElement named after it (attributes as element attributes), text as Y.XmlText, and a mark as
 * a text format keyed by its name (or `name--hash` for marks that may overlap themselves).
 */
export interface ContentRules {
  /** Node name to its attribute names, for every node stored as an element. */
  readonly elements: ReadonlyMap<string, ReadonlySet<string>>;
  /** Nodes that may be a section's top-level children. */
  readonly topLevel: ReadonlySet<string>;
  /** Nodes whose children include text. */
  readonly holdsText: ReadonlySet<string>;
  /** Mark name to its attribute names. */
  readonly marks: ReadonlyMap<string, ReadonlySet<string>>;
}

function attributeNames(spec: { attrs?: Record<string, unknown> | null }): Set<string> {
  return new Set(Object.keys(spec.attrs ?? {}));
}

export function contentRulesOf(schema: Schema): ContentRules {
  const elements = new Map<string, Set<string>>();
  const topLevel = new Set<string>();
  const holdsText = new Set<string>();
  for (const [name, type] of Object.entries(schema.nodes)) {
    if (type === schema.topNodeType || type.isText) continue;
    elements.set(name, attributeNames(type.spec));
    if (type.isBlock) topLevel.add(name);
    if (type.inlineContent) holdsText.add(name);
  }
  const marks = new Map(
    Object.entries(schema.marks).map(([name, type]) => [name, attributeNames(type.spec)]),
  );
  return { elements, topLevel, holdsText, marks };
}

let cached: ContentRules | undefined;

/** The rules of the shared section schema, built once per process. */
export function sectionContentRules(): ContentRules {
  cached ??= contentRulesOf(sectionSchema());
  return cached;
}

const HASHED_MARK = /^(.+)--[a-zA-Z0-9+/=]{8}$/;

/** The mark a text format key stands for: its name, without y-tiptap's hash suffix. */
export function markNameOfFormatKey(key: string): string {
  return HASHED_MARK.exec(key)?.[1] ?? key;
}

const ALLOWED_SCHEMES = new Set<string>(LINK_PROTOCOLS.map((protocol) => `${protocol}:`));

/** Whether a link target is an absolute URL with an allowed scheme (http:, https:, mailto:). */
export function isAllowedHref(href: unknown): boolean {
  if (typeof href !== "string") return false;
  try {
    return ALLOWED_SCHEMES.has(new URL(href).protocol);
  } catch {
    return false;
  }
}
