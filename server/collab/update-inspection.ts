import * as Y from "yjs";
import { type ContentRules, isAllowedHref, markNameOfFormatKey } from "../../editor/content-rules";

/** What an update may change, for one sender in one statement. */
export interface UpdatePolicy {
  /** The statement's sections: the only root types a document may hold. */
  readonly sectionKeys: ReadonlySet<string>;
  /** The sections the sender may change. */
  readonly editableKeys: ReadonlySet<string>;
  readonly rules: ContentRules;
}

/**
 * Why an update is refused: `forbidden` touches a section the sender may not change, `schema`
 * holds what the editor's schema does not allow, `gap` depends on structs nobody has sent.
 */
export type RefusalKind = "forbidden" | "schema" | "gap";

export type Inspection = { ok: true } | { ok: false; kind: RefusalKind; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;

/** A decoded update's delete set: per client, its deleted clock ranges. */
type DecodedDeleteSet = ReturnType<typeof Y.decodeUpdate>["ds"];

/** The type an item lives in, as far as the rules care. */
type Container =
  | { kind: "fragment" | "text"; root: string; type: unknown }
  | { kind: "element"; root: string; type: unknown; nodeName: string }
  /** Not a section, or a type the editor never makes (a map, a Y.Text, …). */
  | { kind: "foreign"; root: string | null; type: unknown }
  /** Its parent was garbage-collected: Yjs drops the item's content. */
  | { kind: "gone" };

interface Position {
  container: Container;
  /** Set for an attribute (map entry) of the container. */
  parentSub: string | null;
}

class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const GONE: Position = { container: { kind: "gone" }, parentSub: null };

/**
 * Decides, before anything is applied, whether a decoded update only makes changes the sender may
 * make: which root types and sections its inserts, deletions and format changes touch (resolved
 * against the document and the update's own earlier structs), whether what it inserts is what the
 * editor's schema allows, and whether everything it depends on is there. Its cost grows with the
 * update, and with a deletion's span of the document, never with anything held before.
 */
export function inspectUpdate(
  doc: Y.Doc,
  decoded: { structs: Struct[]; ds: DecodedDeleteSet },
  policy: UpdatePolicy,
): Inspection {
  try {
    new UpdateInspector(doc, decoded.structs, policy).inspect(decoded.ds);
    return { ok: true };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, kind: error.kind, reason: error.reason };
    throw error;
  }
}

class UpdateInspector {
  private readonly byClient = new Map<number, Struct[]>();
  /** Per client, the clock up to which the document and the update together hold every struct. */
  private readonly covered = new Map<number, number>();
  private readonly positions = new Map<Y.Item, Position>();
  private readonly roots = new WeakMap<object, string | null>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly structs: Struct[],
    private readonly policy: UpdatePolicy,
  ) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  inspect(ds: DecodedDeleteSet): void {
    this.checkContiguous();
    for (const struct of this.structs) {
      if (!(struct instanceof Y.Item)) continue;
      if (struct.id.clock + struct.length <= this.docState(struct.id.client)) continue;
      this.checkItem(struct, this.positionOf(struct));
    }
    for (const [client, ranges] of ds.clients) {
      for (const range of ranges) this.checkDeletion(client, range.clock, range.clock + range.len);
    }
  }

  private docState(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  /** Each client's structs must continue the document's: a gap could never be integrated. */
  private checkContiguous(): void {
    for (const [client, list] of this.byClient) {
      let covered = this.docState(client);
      for (const struct of list) {
        if (struct instanceof Y.Skip) continue;
        if (struct.id.clock > covered) throw new Refusal("gap", "Update depends on missing structs");
        covered = Math.max(covered, struct.id.clock + struct.length);
      }
      this.covered.set(client, covered);
    }
  }

  /** The struct holding `id`, from the document or the update; refuses when neither has it. */
  private find(id: Y.ID): Y.Item | Y.GC {
    if (id.clock < this.docState(id.client)) return Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
    const list = this.byClient.get(id.client);
    if (list && id.clock < (this.covered.get(id.client) ?? 0)) {
      let low = 0;
      let high = list.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const struct = list[middle] as Struct;
        if (id.clock < struct.id.clock) high = middle - 1;
        else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
        else if (!(struct instanceof Y.Skip)) return struct;
        else break;
      }
    }
    throw new Refusal("gap", "Update depends on missing structs");
  }

  private isFromUpdate(struct: Y.Item | Y.GC): boolean {
    return struct.id.clock >= this.docState(struct.id.client);
  }

  /**
   * Where an update's item goes, as Yjs decides it (Item.getMissing): beside its origins, or in
   * its explicit parent. Chains through the update's own items are followed without recursion.
   */
  private positionOf(item: Y.Item): Position {
    const chain: { item: Y.Item; next: Y.Item; asType: boolean }[] = [];
    const seen = new Set<Y.Item>();
    let current = item;
    let position: Position;
    for (;;) {
      const known = this.positions.get(current);
      if (known) {
        position = known;
        break;
      }
      if (seen.has(current)) throw new Refusal("schema", "Update refers to itself in a cycle");
      seen.add(current);
      const step = this.step(current);
      if ("position" in step) {
        position = step.position;
        this.positions.set(current, position);
        break;
      }
      chain.push({ item: current, next: step.next, asType: step.asType });
      current = step.next;
    }
    for (let index = chain.length - 1; index >= 0; index--) {
      const link = chain[index] as (typeof chain)[number];
      position = link.asType
        ? { container: this.typeContainer(link.next, position.container), parentSub: link.item.parentSub }
        : position;
      this.positions.set(link.item, position);
    }
    return position;
  }

  /** One step towards an item's position: found, or the update's item it follows from. */
  private step(item: Y.Item): { position: Position } | { next: Y.Item; asType: boolean } {
    if (item.origin || item.rightOrigin) {
      const left = item.origin ? this.find(item.origin) : null;
      const right = item.rightOrigin ? this.find(item.rightOrigin) : null;
      if (left instanceof Y.GC || right instanceof Y.GC) return { position: GONE };
      const beside = (left ?? right) as Y.Item;
      if (left && right && !this.sameParent(left as Y.Item, right as Y.Item)) {
        throw new Refusal("schema", "Update's origins lie in different types");
      }
      if (this.isFromUpdate(beside)) return { next: beside, asType: false };
      return { position: { container: this.docContainer(beside.parent), parentSub: beside.parentSub } };
    }
    const parent = item.parent as unknown;
    if (typeof parent === "string") {
      return { position: { container: this.rootContainer(parent), parentSub: item.parentSub } };
    }
    if (!(parent instanceof Y.ID)) throw new Refusal("schema", "Update has an item without a place");
    const parentStruct = this.find(parent);
    if (parentStruct instanceof Y.GC) return { position: GONE };
    if (this.isFromUpdate(parentStruct)) return { next: parentStruct, asType: true };
    const type = parentStruct.content instanceof Y.ContentType ? parentStruct.content.type : null;
    return {
      position: { container: type ? this.docContainer(type) : GONE.container, parentSub: item.parentSub },
    };
  }

  /** Whether two origins share a parent; origins of the update are compared once resolved. */
  private sameParent(left: Y.Item, right: Y.Item): boolean {
    const container = (item: Y.Item) =>
      this.isFromUpdate(item) ? this.positionOf(item).container : this.docContainer(item.parent);
    const a = container(left);
    const b = container(right);
    return a.kind === "gone" || b.kind === "gone" || ("type" in a && "type" in b && a.type === b.type);
  }

  private rootContainer(key: string): Container {
    if (!this.policy.sectionKeys.has(key)) return { kind: "foreign", root: key, type: key };
    return { kind: "fragment", root: key, type: key };
  }

  /** The container that the update's type item `item` makes, inside `outer`. */
  private typeContainer(item: Y.Item, outer: Container): Container {
    if (outer.kind === "gone") return outer;
    if (!(item.content instanceof Y.ContentType)) return GONE.container;
    return this.classify(item.content.type, "root" in outer ? outer.root : null, item);
  }

  /** A type of the document, classified with the section (root) it belongs to. */
  private docContainer(type: unknown): Container {
    if (!(type instanceof Y.AbstractType)) return GONE.container;
    const root = this.rootKeyOf(type);
    if (type._item === null) return root === null ? GONE.container : this.rootContainer(root);
    return this.classify(type, root, type);
  }

  private classify(type: Y.AbstractType<unknown>, root: string | null, identity: unknown): Container {
    if (root === null || !this.policy.sectionKeys.has(root)) return { kind: "foreign", root, type: identity };
    if (type instanceof Y.XmlElement)
      return { kind: "element", root, type: identity, nodeName: type.nodeName };
    if (type instanceof Y.XmlText) return { kind: "text", root, type: identity };
    return { kind: "foreign", root, type: identity };
  }

  private rootKeyOf(type: Y.AbstractType<unknown>): string | null {
    const cached = this.roots.get(type);
    if (cached !== undefined) return cached;
    let top: Y.AbstractType<unknown> = type;
    while (top._item !== null) {
      const parent = top._item.parent;
      if (!(parent instanceof Y.AbstractType)) return null;
      top = parent;
    }
    let key: string | null = null;
    try {
      key = Y.findRootTypeKey(top);
    } catch {
      key = null;
    }
    this.roots.set(type, key);
    return key;
  }

  /** Refuses a section the sender may not change, and anything outside the sections. */
  private checkPlace(container: Container): asserts container is Exclude<Container, { kind: "gone" }> {
    if (container.kind === "gone") return;
    if (container.kind === "foreign" || container.root === null) {
      throw new Refusal("schema", `Only the statement's sections may be changed (${container.root ?? "?"})`);
    }
    if (!this.policy.editableKeys.has(container.root)) {
      throw new Refusal("forbidden", `Section ${container.root} may not be changed by this user`);
    }
  }

  private checkItem(item: Y.Item, { container, parentSub }: Position): void {
    if (container.kind === "gone") return;
    this.checkPlace(container);
    const { content } = item;
    if (content instanceof Y.ContentDeleted) return;
    const { rules } = this.policy;
    if (parentSub !== null) {
      if (container.kind !== "element") throw new Refusal("schema", "Attributes belong to elements only");
      const allowed = rules.elements.get(container.nodeName);
      if (!allowed?.has(parentSub))
        throw new Refusal("schema", `Attribute ${parentSub} is not in the schema`);
      if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || !isPrimitive(content.arr[0])) {
        throw new Refusal("schema", "An attribute holds one plain value");
      }
      if (parentSub === "href" && !isAllowedHref(content.arr[0]))
        throw new Refusal("schema", "Link target not allowed");
      return;
    }
    switch (container.kind) {
      case "fragment":
        this.checkChildType(content, rules.topLevel, false);
        return;
      case "element":
        this.checkChildType(content, rules.elements, rules.holdsText.has(container.nodeName));
        return;
      case "text":
        if (content instanceof Y.ContentString) return;
        if (content instanceof Y.ContentFormat) {
          checkFormat(content, rules);
          return;
        }
        throw new Refusal("schema", "Text holds only characters and marks");
    }
  }

  private checkChildType(
    content: Y.Item["content"],
    names: { has(name: string): boolean },
    text: boolean,
  ): void {
    if (content instanceof Y.ContentType) {
      const { type } = content;
      if (type instanceof Y.XmlElement && names.has(type.nodeName)) return;
      if (type instanceof Y.XmlText && text) return;
    }
    throw new Refusal("schema", "Content not allowed by the editor's schema");
  }

  /** A deletion may only remove what lies in sections the sender may change. */
  private checkDeletion(client: number, start: number, end: number): void {
    const docEnd = Math.min(end, this.docState(client));
    if (end > Math.max(docEnd, this.covered.get(client) ?? 0)) {
      throw new Refusal("gap", "Update deletes structs nobody has sent");
    }
    if (start >= docEnd) return;
    const structs = this.doc.store.clients.get(client) as (Y.Item | Y.GC)[];
    for (let index = Y.findIndexSS(structs, start); index < structs.length; index++) {
      const struct = structs[index] as Y.Item | Y.GC;
      if (struct.id.clock >= docEnd) break;
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      this.checkPlace(this.docContainer(struct.parent));
    }
  }
}

function isPrimitive(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** A format is a known mark (or null, ending it) with the mark's own attributes, plain values. */
function checkFormat(content: Y.ContentFormat, rules: ContentRules): void {
  const attributes = rules.marks.get(markNameOfFormatKey(content.key));
  if (!attributes) throw new Refusal("schema", `Mark ${content.key} is not in the schema`);
  const value: unknown = content.value;
  if (value === null) return;
  if (typeof value !== "object" || Array.isArray(value))
    throw new Refusal("schema", "A mark's value is an object");
  for (const [name, attribute] of Object.entries(value)) {
    if (!attributes.has(name) || !isPrimitive(attribute))
      throw new Refusal("schema", `Mark attribute ${name} not allowed`);
    if (name === "href" && !isAllowedHref(attribute)) throw new Refusal("schema", "Link target not allowed");
  }
}
