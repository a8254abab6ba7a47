import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Actor } from "../../domain/access";
import type { DocumentStore } from "./document-store";
import type { DecodedUpdate, RoomHooks, UpdateContext } from "./hooks";
import type { Logger } from "./logger";
import { mergeUpdatesInRounds } from "./merge-updates";
import {
  EMPTY_STATE_VECTOR,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
} from "./protocol";
import type { StoredStateHandoff } from "./stored-state-handoff";
import { TurnFlush } from "./turn-flush";
import { frameMessages } from "./ws-frames";

/**
 * A new client's sync step 2 (the whole state) is kept for the next new client until the document
 * changes, when it is big enough for encoding to cost: several people opening a long statement
 * in the morning get it encoded once. Small ones are encoded each time and nothing is kept.
 */
const KEPT_FULL_STATE_MIN_BYTES = 32 * 1024;

/** A message of a fan-out, and the member it need not go to (it came from that member alone). */
interface Outgoing {
  message: Uint8Array;
  skip: RoomMember | null;
}

/**
 * What `member` gets of a fan-out: every frame (`whole`), the frames not skipped for it, or nothing.
 * A single frame is a view into `whole`: with a fan-out's one update and one presence message, no
 * member's share is ever copied.
 */
function framesFor(
  member: RoomMember,
  outgoing: readonly Outgoing[],
  whole: Buffer,
  frames: readonly Buffer[],
): Uint8Array | null {
  const wanted = frames.filter((_, index) => outgoing[index]?.skip !== member);
  if (wanted.length === frames.length) return whole;
  if (wanted.length === 0) return null;
  return wanted.length === 1 ? (wanted[0] as Buffer) : Buffer.concat(wanted);
}

/** Whether a transaction changed the document: Yjs' own test before it emits 'update'. */
function changedDocument(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}

/** What a room needs to know about a connected client. */
export interface RoomMember {
  readonly userId: string;
  /** Who the member is, with their roles; null for a member that never writes. */
  readonly actor: Actor | null;
  /** Writes messages already framed for its socket (see ws-frames.ts), in order, in one write. */
  sendFrames(frames: Uint8Array): void;
}

export interface RoomOptions {
  /** Where applied updates are logged (the room's state itself is stored by `onStore` hooks). */
  store: DocumentStore;
  logger: Logger;
  /** Store the room's state (fold the update log into a snapshot) after this many logged updates. */
  compactEvery: number;
}

/**
 * The origin of updates another node applied, guarded and logged: a room relays them to its
 * members but logs them not again, and the hooks that act on edits leave them to that node.
 */
export const RELAYED_ORIGIN = Symbol("relayed from another node");

/** One loaded statement: its Y.Doc, its awareness and the clients connected to it. */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly members = new Set<RoomMember>();
  /** Reservations not yet joined or released (an upgrade being admitted, a read): no unload under them. */
  private reservations = 0;
  private unloadTimer: NodeJS.Timeout | null = null;
  /** A finalised (justerad) statement: no client's update is applied, ever again. */
  private finalisedForGood = false;
  /** Writers whose updates were dropped while a finalisation decided: asked for them after a thaw. */
  private readonly droppedWhileFreezing = new Set<RoomMember>();
  /** Finalisations deciding right now; while any is, no client's update is applied either. */
  private freezing = 0;
  /** The room's lifecycle hooks (see hooks.ts), added by the registry. */
  private readonly hooks: RoomHooks[] = [];
  /** Whether any update was applied since the document was built from its stored state. */
  private changedSinceLoad = false;
  /** Transactions that changed the document, counted. */
  private changes = 0;
  private keptFullState: Uint8Array | null = null;
  private updatesSinceStore = 0;
  private storing: Promise<void> | null = null;

  constructor(
    readonly statementId: string,
    readonly doc: Y.Doc,
    private readonly options: RoomOptions,
    /** The load that built `doc`: clients it answered early hold exactly its stored state. */
    private readonly loadedFrom: StoredStateHandoff,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server holds no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.onAwarenessUpdate);
    doc.on("afterTransaction", this.onTransaction);
  }

  addHooks(hooks: RoomHooks): void {
    this.hooks.push(hooks);
  }

  /** Runs the hooks' `onLoad` together, once, before the room is handed to any client. */
  async loaded(): Promise<void> {
    await Promise.all(this.hooks.map((hook) => hook.onLoad?.(this)));
  }

  join(member: RoomMember): void {
    this.members.add(member);
  }

  leave(member: RoomMember): void {
    this.members.delete(member);
  }

  /** The members, for looking one up; not to be changed through. */
  get memberList(): ReadonlySet<RoomMember> {
    return this.members;
  }

  /** Keeps the room loaded until `release`d or joined; stops a pending unload. */
  reserve(): void {
    this.reservations++;
    if (this.unloadTimer) {
      clearTimeout(this.unloadTimer);
      this.unloadTimer = null;
    }
  }

  release(): void {
    this.reservations--;
  }

  /** Runs `unload` after `graceMs` unless the room is reserved first; once at a time. */
  scheduleUnload(graceMs: number, unload: () => void): void {
    if (!this.isIdle || this.unloadTimer) return;
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = null;
      unload();
    }, graceMs);
  }

  cancelUnload(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
  }

  markFinalised(): void {
    this.finalisedForGood = true;
  }

  get finalised(): boolean {
    return this.finalisedForGood;
  }

  /**
   * Applies no client's update while `decide` runs. Counted, not saved and restored: a finalisation
   * that loses a race must not thaw a statement another one has just finalised, nor one still deciding.
   */
  async freezeWhile<T>(decide: () => Promise<T>): Promise<T> {
    this.freezing++;
    try {
      return await decide();
    } finally {
      this.freezing--;
      if (this.freezing === 0) this.askForDroppedUpdates();
    }
  }

  /**
   * Thawed without a finalisation: each writer whose updates were dropped gets a sync step 1, which
   * a y-websocket client answers with everything the room lacks, so no dropped edit is lost.
   */
  private askForDroppedUpdates(): void {
    const members = [...this.droppedWhileFreezing].filter((member) => this.members.has(member));
    this.droppedWhileFreezing.clear();
    if (this.finalisedForGood || members.length === 0) return;
    const { whole } = frameMessages([encodeSyncStep1(this.doc)]);
    for (const member of members) member.sendFrames(whole);
  }

  /** Whether a client answered from `handoff`'s stored state holds exactly this room's document. */
  isUnchangedSince(handoff: StoredStateHandoff): boolean {
    return handoff === this.loadedFrom && !this.changedSinceLoad;
  }

  /** The sync step 2 for a client that holds nothing yet: the whole document. */
  syncStep2ForNewClient(): Uint8Array {
    if (this.keptFullState) return this.keptFullState;
    const message = encodeSyncStep2(this.doc, EMPTY_STATE_VECTOR);
    if (message.byteLength >= KEPT_FULL_STATE_MIN_BYTES) this.keptFullState = message;
    return message;
  }

  /** A finalised statement, or one being finalised: no client's update is applied. */
  get frozen(): boolean {
    return this.finalisedForGood || this.freezing > 0;
  }

  get isIdle(): boolean {
    return this.members.size === 0 && this.reservations === 0;
  }

  /**
   * Applies a member's update to the document, then relays and logs it. A client's own change (an
   * "update" message: a keystroke, a paste) goes on in the bytes it came in. Listening to the
   * document's 'update' event instead would have Yjs encode every applied update again, about a
   * twentieth of the server's work on a busy day. A sync step 2 (a client's reply on connecting)
   * carries its whole delete set and what the server may already hold, so only what it changed goes
   * on, as Yjs encodes it for that event. Nothing is applied while the room is frozen.
   */
  applyClientUpdate(
    update: Uint8Array,
    decoded: DecodedUpdate,
    author: RoomMember,
    kind: "update" | "syncStep2",
  ): void {
    if (this.frozen) {
      // Asked for again if the finalisation is refused (askForDroppedUpdates).
      if (!this.finalisedForGood) this.droppedWhileFreezing.add(author);
      return;
    }
    const context: UpdateContext = { room: this, member: author, update, decoded, kind };
    for (const hook of this.hooks) hook.beforeApply?.(context);
    const changesBefore = this.changes;
    this.apply(update, author, kind);
    if (this.changes !== changesBefore) for (const hook of this.hooks) hook.afterChange?.(context);
  }

  /**
   * Applies an edit the server makes on a user's behalf (a restore) as an ordinary edit: it is
   * logged with its author, relayed to every member and seen by the hooks' `afterChange`. The
   * caller has checked that the user may make it. False, and nothing changed, when frozen.
   */
  applyServerEdit(userId: string, edit: (doc: Y.Doc) => void): boolean {
    if (this.frozen) return false;
    const author: RoomMember = { userId, actor: null, sendFrames: () => {} };
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    this.doc.on("update", collect);
    try {
      this.doc.transact(() => edit(this.doc), author);
    } finally {
      this.doc.off("update", collect);
    }
    for (const update of updates) {
      this.recordUpdate(update, author);
      const context: UpdateContext = {
        room: this,
        member: author,
        update,
        decoded: Y.decodeUpdate(update),
        kind: "update",
      };
      for (const hook of this.hooks) hook.afterChange?.(context);
    }
    return true;
  }

  private apply(update: Uint8Array, author: RoomMember, kind: "update" | "syncStep2"): void {
    if (kind === "syncStep2") {
      this.doc.on("update", this.onDocumentUpdate);
      try {
        Y.applyUpdate(this.doc, update, author);
      } finally {
        this.doc.off("update", this.onDocumentUpdate);
      }
      return;
    }
    const changesBefore = this.changes;
    try {
      Y.applyUpdate(this.doc, update, author);
    } catch (error) {
      // Part of it may be in the document by now: then all of the document goes on, which holds it.
      if (this.changes !== changesBefore) this.recordUpdate(Y.encodeStateAsUpdate(this.doc), author);
      throw error;
    }
    this.recordUpdate(update, author);
  }

  private onDocumentUpdate = (update: Uint8Array, origin: unknown) => {
    this.recordUpdate(update, origin as RoomMember);
  };

  /** Whatever changes the document makes the kept answer for new clients stale. */
  private onTransaction = (transaction: Y.Transaction) => {
    if (!changedDocument(transaction)) return;
    this.changes++;
    this.changedSinceLoad = true;
    this.keptFullState = null;
  };

  /** Logs an applied update and queues it for the other members. */
  private recordUpdate(update: Uint8Array, author: RoomMember | null): void {
    this.options.store.append(this.statementId, author?.userId ?? null, update);
    this.outgoingUpdates.push({ update, origin: author });
    this.fanOuts.schedule();
    this.updatesSinceStore++;
    if (this.updatesSinceStore >= this.options.compactEvery) void this.store();
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    for (const clientId of added.concat(updated, removed)) this.outgoingAwareness.add(clientId);
    this.awarenessOrigins.add(this.members.has(origin as RoomMember) ? (origin as RoomMember) : null);
    this.fanOuts.schedule();
  };

  /*
   * Fan-out is coalesced: everything applied while one socket read is handled (a keystroke and
   * the caret move that travels with it) goes out as one merged update and one awareness message
   * per client, written together. A room that already sent in this event-loop turn is busy: the
   * rest of its turn is gathered and sent once at the end of the turn, instead of one message
   * (and one system call) per keystroke per client. A quiet room adds no delay; a busy one at most
   * the rest of a turn. Nothing is echoed to the client it came from when it is the only source
   * of the changes: it already has them.
   */
  private readonly outgoingUpdates: { update: Uint8Array; origin: RoomMember | null }[] = [];
  private readonly outgoingAwareness = new Set<number>();
  /** Who caused the pending awareness changes (null: the server, e.g. a member leaving). */
  private readonly awarenessOrigins = new Set<RoomMember | null>();
  private readonly fanOuts = new TurnFlush(() => this.fanOut());

  private fanOut() {
    const outgoing: Outgoing[] = [];
    const update = this.takeOutgoingUpdate();
    if (update) outgoing.push(update);
    const awareness = this.takeOutgoingAwareness();
    if (awareness) outgoing.push(awareness);
    if (outgoing.length === 0) return;
    // Framed once, for all members alike.
    const { whole, frames } = frameMessages(outgoing.map((entry) => entry.message));
    for (const member of this.members) {
      const forMember = framesFor(member, outgoing, whole, frames);
      if (forMember) member.sendFrames(forMember);
    }
  }

  /** This turn's document updates as one message, and the member it need not go to. */
  private takeOutgoingUpdate(): Outgoing | null {
    const updates = this.outgoingUpdates.splice(0);
    const first = updates[0];
    if (!first) return null;
    const skip = updates.every((entry) => entry.origin === first.origin) ? first.origin : null;
    // Merging costs more than anything else here: skip it when nobody would receive the result.
    if ([...this.members].every((member) => member === skip)) return null;
    return { message: encodeUpdateMessage(mergeUpdatesInRounds(updates.map((entry) => entry.update))), skip };
  }

  private takeOutgoingAwareness(): Outgoing | null {
    if (this.outgoingAwareness.size === 0) return null;
    const changed = [...this.outgoingAwareness];
    const origins = [...this.awarenessOrigins];
    this.outgoingAwareness.clear();
    this.awarenessOrigins.clear();
    const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    return { message, skip: origins.length === 1 ? (origins[0] ?? null) : null };
  }

  /**
   * Applies an update another node has applied and logged: relayed to every member, not logged
   * again. What goes on is what Yjs integrated, so structs that waited for this one go along.
   */
  applyRelayedUpdate(update: Uint8Array): void {
    const relay = (integrated: Uint8Array) => {
      this.outgoingUpdates.push({ update: integrated, origin: null });
      this.fanOuts.schedule();
    };
    this.doc.on("update", relay);
    try {
      Y.applyUpdate(this.doc, update, RELAYED_ORIGIN);
    } finally {
      this.doc.off("update", relay);
    }
  }

  /** Runs the `onStore` hooks, at most once at a time; failures are logged and retried at the next threshold. */
  store(): Promise<void> {
    if (this.storing) return this.storing;
    const counted = this.updatesSinceStore;
    this.storing = this.runStoreHooks()
      .then(() => {
        this.updatesSinceStore -= counted;
      })
      .catch((error: unknown) => {
        this.options.logger.error("compaction failed", {
          statementId: this.statementId,
          error: String(error),
        });
      })
      .finally(() => {
        this.storing = null;
      });
    return this.storing;
  }

  private async runStoreHooks(): Promise<void> {
    for (const hook of this.hooks) await hook.onStore?.(this);
  }

  /** Runs the `onUnload` hooks, stores what changed, flushes every write, and releases the document's memory. */
  async close(): Promise<void> {
    for (const hook of this.hooks) await hook.onUnload?.(this);
    await this.storing;
    if (this.updatesSinceStore > 0) await this.store();
    await this.options.store.flush();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
