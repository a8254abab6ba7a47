import * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";
import type { Database } from "../../db/client";
import type { ApprovalWatch } from "./approval-watch";
import { compactLoadedDocument } from "./document-store";
import type { Logger } from "./logger";
import { mergeUpdatesInRounds } from "./merge-updates";
import { EMPTY_STATE_VECTOR, encodeAwarenessMessage, encodeSyncStep2, encodeUpdateMessage } from "./protocol";
import type { StoredStateHandoff } from "./stored-state-handoff";
import type { UpdateLog } from "./update-log";

/**
 * A new client's sync step 2 (the whole state) is kept for the next new client until the document
 * changes, when it is big enough for encoding to cost: several people opening a long statement
 * in the morning get it encoded once. Small ones are encoded each time and nothing is kept.
 */
const KEPT_FULL_STATE_MIN_BYTES = 32 * 1024;

/** What a room needs to know about a connected client. */
export interface RoomMember {
  readonly userId: string;
  /** Sends the messages in order; several at once go out in one write. */
  send(...messages: Uint8Array[]): void;
}

export interface RoomOptions {
  db: Database;
  updateLog: UpdateLog;
  logger: Logger;
  /** Fold the update log into a snapshot after this many applied updates. */
  compactEvery: number;
}

/** One loaded statement: its Y.Doc, its awareness and the clients connected to it. */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly members = new Set<RoomMember>();
  /** Members being admitted (upgrade accepted, room not yet joined): the room must not unload under them. */
  pendingJoins = 0;
  unloadTimer: NodeJS.Timeout | null = null;
  /** A finalised (justerad) statement: no client's update is applied, ever again. */
  finalised = false;
  /** Finalisations deciding right now; while any is, no client's update is applied either. */
  freezing = 0;
  /** Marks approvals stale when their section is edited; set by the registry after loading. */
  approvalWatch: ApprovalWatch | null = null;
  /** Whether any update was applied since the document was built from its stored state. */
  private changedSinceLoad = false;
  private keptFullState: Uint8Array | null = null;
  private updatesSinceCompaction = 0;
  private compaction: Promise<void> | null = null;

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
    doc.on("update", this.onDocumentUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
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
    return this.finalised || this.freezing > 0;
  }

  get isIdle(): boolean {
    return this.members.size === 0 && this.pendingJoins === 0;
  }

  private onDocumentUpdate = (update: Uint8Array, origin: unknown) => {
    const author = origin as RoomMember | null;
    this.changedSinceLoad = true;
    this.keptFullState = null;
    this.options.updateLog.append(this.statementId, author?.userId ?? null, update);
    this.outgoingUpdates.push({ update, origin: author });
    this.scheduleFanOut();
    this.updatesSinceCompaction++;
    if (this.updatesSinceCompaction >= this.options.compactEvery) void this.compact();
  };

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    for (const clientId of added.concat(updated, removed)) this.outgoingAwareness.add(clientId);
    this.awarenessOrigins.add(this.members.has(origin as RoomMember) ? (origin as RoomMember) : null);
    this.scheduleFanOut();
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
  private fanOutScheduled = false;
  private sentThisTurn = false;

  private scheduleFanOut() {
    if (this.fanOutScheduled) return;
    this.fanOutScheduled = true;
    if (this.sentThisTurn) setImmediate(this.fanOut);
    else queueMicrotask(this.fanOut);
  }

  private readonly endTurn = () => {
    this.sentThisTurn = false;
  };

  private fanOut = () => {
    this.fanOutScheduled = false;
    if (!this.sentThisTurn) {
      this.sentThisTurn = true;
      setImmediate(this.endTurn);
    }
    const update = this.takeOutgoingUpdate();
    const awareness = this.takeOutgoingAwareness();
    for (const member of this.members) {
      const forMember = update?.skip === member ? [] : update ? [update.message] : [];
      if (awareness && awareness.skip !== member) forMember.push(awareness.message);
      if (forMember.length > 0) member.send(...forMember);
    }
  };

  /** This turn's document updates as one message, and the member it need not go to. */
  private takeOutgoingUpdate(): { message: Uint8Array; skip: RoomMember | null } | null {
    const updates = this.outgoingUpdates.splice(0);
    const first = updates[0];
    if (!first) return null;
    const skip = updates.every((entry) => entry.origin === first.origin) ? first.origin : null;
    // Merging costs more than anything else here: skip it when nobody would receive the result.
    if ([...this.members].every((member) => member === skip)) return null;
    return { message: encodeUpdateMessage(mergeUpdatesInRounds(updates.map((entry) => entry.update))), skip };
  }

  private takeOutgoingAwareness(): { message: Uint8Array; skip: RoomMember | null } | null {
    if (this.outgoingAwareness.size === 0) return null;
    const changed = [...this.outgoingAwareness];
    const origins = [...this.awarenessOrigins];
    this.outgoingAwareness.clear();
    this.awarenessOrigins.clear();
    const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    return { message, skip: origins.length === 1 ? (origins[0] ?? null) : null };
  }

  /** Compacts at most once at a time; failures are logged and retried at the next threshold. */
  compact(): Promise<void> {
    if (this.compaction) return this.compaction;
    const counted = this.updatesSinceCompaction;
    this.compaction = compactLoadedDocument(
      this.options.db,
      this.options.updateLog,
      this.statementId,
      this.doc,
    )
      .then(() => {
        this.updatesSinceCompaction -= counted;
      })
      .catch((error: unknown) => {
        this.options.logger.error("compaction failed", {
          statementId: this.statementId,
          error: String(error),
        });
      })
      .finally(() => {
        this.compaction = null;
      });
    return this.compaction;
  }

  /** Flushes every write, compacts what changed, and releases the document's memory. */
  async close(): Promise<void> {
    await this.approvalWatch?.stop();
    this.doc.off("update", this.onDocumentUpdate);
    await this.compaction;
    if (this.updatesSinceCompaction > 0) await this.compact();
    else await this.options.updateLog.flush();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
