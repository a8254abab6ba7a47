import type { Database } from "../../db/client";
import { loadStatementEditRules } from "../../db/queries/statements";
import type { StatementEventBus } from "../../events/statement-events";
import { ApprovalWatch } from "./approval-watch";
import { AuthorshipRecorder } from "./authorship-recorder";
import { Compaction } from "./compaction";
import type { DocumentStore } from "./document-store";
import { rebuildDocument, type StoredDocument, storedFullState } from "./document-store";
import type { RoomHooks } from "./hooks";
import { encodeSyncStep2Message } from "./protocol";
import { Room, type RoomOptions } from "./room";
import { type Refusal, SectionGuard } from "./section-guard";
import { StoredStateHandoff, type StoredStateListener } from "./stored-state-handoff";
import { VersionKeeper } from "./version-keeper";

interface RoomEntry {
  loading: Promise<Room>;
  unloading: Promise<void> | null;
  /** Hands the stored state to clients that arrive while the room loads. */
  handoff: StoredStateHandoff;
}

/** Longest a room load waits for its early answers to be written before it rebuilds the document. */
const EARLY_ANSWER_WAIT_MS = 100;

export interface RoomRegistryOptions extends RoomOptions {
  /** The app's database: the statements' edit rules, approvals, versions and authors. */
  db: Database;
  /** How long an empty room stays loaded, so a page reload does not reload the document. */
  unloadGraceMs: number;
  /** How soon after an edit approvals of the section are checked for staleness. */
  staleCheckMs: number;
  /** Where the approval watch announces staleness and hears of new approvals. */
  statementEvents: StatementEventBus;
  /** See VersionKeeper. */
  versionQuietMs: number;
  versionIntervalMs: number;
  /** More hooks for each room, added after the server's own (see CollabExtensions). */
  roomHooks?: (room: Room) => RoomHooks[];
  /** Called after each statement has unloaded. */
  onUnloaded?: () => void;
  /** Called for every update the section guard refuses. */
  onRefused: (refusal: Refusal) => void;
  /** Shares each loaded room with the other nodes that hold the statement (several nodes only). */
  relay?: RoomRelay;
}

/** Tells the other nodes' frozen copies how a finalisation ended (true: finalised). */
export type ThawOthers = (finalised: boolean) => void;

/** Joins a freshly built room to the other nodes' copies; its hooks are the room's last. */
export interface RoomRelay {
  attach(room: Room): Promise<RoomHooks>;
  /**
   * Freezes the other nodes' copies of `room` for a finalisation on this node, once they have
   * relayed what they applied; resolves to the thaw that tells them the outcome, or to null when
   * some of them could not be reached (the finalisation must not go ahead).
   */
  freezeOthers(room: Room): Promise<ThawOthers | null>;
  /** The store rooms use when other nodes may hold them too, built on the node's own `base`. */
  store(db: Database, base: DocumentStore): DocumentStore;
}

/**
 * Loads each statement's room once, shares it between its clients, and unloads it once the last
 * client has left and its writes are flushed. A client arriving during an unload waits for it and
 * gets a freshly loaded room, so it never joins a room that is being torn down.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, RoomEntry>();

  constructor(private readonly options: RoomRegistryOptions) {}

  get loadedCount(): number {
    return this.entries.size;
  }

  /**
   * The statement's room, reserved so it stays loaded: `release` it, or join it and leave later.
   * While the room has to be loaded first, `onStoredState` is handed its stored state as soon as it
   * is read (when that is one snapshot), before the document is rebuilt from it; never with a relay.
   */
  async reserve(statementId: string, onStoredState?: StoredStateListener): Promise<Room> {
    // With other nodes the stored state may lack edits they hold and haven't written yet: a client
    // then waits for the room, which has joined their copies.
    if (this.options.relay) onStoredState = undefined;
    for (;;) {
      const entry = this.entries.get(statementId);
      if (!entry) {
        const handoff = new StoredStateHandoff();
        if (onStoredState) handoff.subscribe(onStoredState);
        const loading = this.load(statementId, handoff);
        this.entries.set(statementId, { loading, unloading: null, handoff });
        loading.catch(() => this.entries.delete(statementId));
        return this.reserveIn(await loading);
      }
      if (entry.unloading) {
        await entry.unloading;
        continue;
      }
      if (onStoredState) entry.handoff.subscribe(onStoredState);
      const room = await entry.loading;
      if (this.entries.get(statementId) !== entry || entry.unloading) continue;
      return this.reserveIn(room);
    }
  }

  private reserveIn(room: Room): Room {
    room.reserve();
    return room;
  }

  private async load(statementId: string, handoff: StoredStateHandoff): Promise<Room> {
    try {
      return await this.build(statementId, handoff);
    } finally {
      handoff.close();
    }
  }

  private async build(statementId: string, handoff: StoredStateHandoff): Promise<Room> {
    const { db, logger, store } = this.options;
    const [rules, stored] = await Promise.all([
      loadStatementEditRules(db, statementId),
      store.load(statementId),
    ]);
    if (!rules) throw new Error(`Unknown statement ${statementId}`);
    const facts = rules.statement;
    await handOffStoredState(handoff, stored);
    const doc = rebuildDocument(stored);
    const room = new Room(statementId, doc, this.options, handoff);
    if (facts.status === "finalised") room.markFinalised();
    const watch = new ApprovalWatch(doc, {
      db,
      logger,
      statementId,
      organisationId: facts.organisationId,
      sectionKeys: rules.sections.map((section) => section.key),
      checkDelayMs: this.options.staleCheckMs,
      events: this.options.statementEvents,
    });
    const keeper = new VersionKeeper(doc, {
      db,
      logger,
      statementId,
      sectionKeys: rules.sections.map((section) => section.key),
      quietMs: this.options.versionQuietMs,
      intervalMs: this.options.versionIntervalMs,
    });
    room.addHooks(new SectionGuard(statementId, rules, this.options.onRefused));
    room.addHooks(watch);
    room.addHooks(keeper);
    room.addHooks(new AuthorshipRecorder(db, logger, statementId));
    room.addHooks(new Compaction(store));
    for (const hooks of this.options.roomHooks?.(room) ?? []) room.addHooks(hooks);
    await room.loaded();
    if (this.options.relay) await this.attachRelay(this.options.relay, room);
    return room;
  }

  /** A room the relay cannot join is closed again (its watchers stopped) before the load fails. */
  private async attachRelay(relay: RoomRelay, room: Room): Promise<void> {
    try {
      room.addHooks(await relay.attach(room));
    } catch (error) {
      await room.close().catch(() => {});
      throw error;
    }
  }

  /** Gives back a reservation that did not become a member (a closed socket, a finished read). */
  release(room: Room): void {
    room.release();
    this.scheduleUnloadIfIdle(room);
  }

  scheduleUnloadIfIdle(room: Room): void {
    room.scheduleUnload(this.options.unloadGraceMs, () => void this.unload(room));
  }

  private unload(room: Room): Promise<void> {
    const entry = this.entries.get(room.statementId);
    if (!entry || !room.isIdle) return Promise.resolve();
    entry.unloading ??= room
      .close()
      .catch((error: unknown) =>
        this.options.logger.error("unload failed", { statementId: room.statementId, error: String(error) }),
      )
      .finally(() => {
        this.entries.delete(room.statementId);
        this.options.onUnloaded?.();
      });
    return entry.unloading;
  }

  /** Unloads every room now (at shutdown, after all clients are disconnected). */
  async unloadAll(): Promise<void> {
    const rooms = await Promise.allSettled([...this.entries.values()].map((entry) => entry.loading));
    await Promise.all(
      rooms.map((result) => {
        if (result.status !== "fulfilled") return Promise.resolve();
        result.value.cancelUnload();
        return this.unload(result.value);
      }),
    );
  }
}

async function handOffStoredState(handoff: StoredStateHandoff, stored: StoredDocument): Promise<void> {
  if (!handoff.wanted) return;
  const state = storedFullState(stored);
  if (state) await handoff.publish(encodeSyncStep2Message(state), EARLY_ANSWER_WAIT_MS);
}
