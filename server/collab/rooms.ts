import { getStatementAccessFacts, listSectionKeys } from "../../db/queries/statements";
import { ApprovalWatch } from "./approval-watch";
import { loadDocument } from "./document-store";
import { Room, type RoomOptions } from "./room";

interface RoomEntry {
  loading: Promise<Room>;
  unloading: Promise<void> | null;
}

export interface RoomRegistryOptions extends RoomOptions {
  /** How long an empty room stays loaded, so a page reload does not reload the document. */
  unloadGraceMs: number;
  /** How soon after an edit approvals of the section are checked for staleness. */
  staleCheckMs: number;
  /** Called after each statement has unloaded. */
  onUnloaded?: () => void;
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

  /** The statement's room, reserved so it stays loaded: `release` it, or join it and leave later. */
  async reserve(statementId: string): Promise<Room> {
    for (;;) {
      const entry = this.entries.get(statementId);
      if (!entry) {
        const loading = this.load(statementId);
        this.entries.set(statementId, { loading, unloading: null });
        loading.catch(() => this.entries.delete(statementId));
        return this.reserveIn(await loading);
      }
      if (entry.unloading) {
        await entry.unloading;
        continue;
      }
      const room = await entry.loading;
      if (this.entries.get(statementId) !== entry || entry.unloading) continue;
      return this.reserveIn(room);
    }
  }

  private reserveIn(room: Room): Room {
    room.pendingJoins++;
    if (room.unloadTimer) {
      clearTimeout(room.unloadTimer);
      room.unloadTimer = null;
    }
    return room;
  }

  private async load(statementId: string): Promise<Room> {
    const { db, logger } = this.options;
    const [facts, sectionKeys, doc] = await Promise.all([
      getStatementAccessFacts(db, statementId),
      listSectionKeys(db, statementId),
      loadDocument(db, statementId),
    ]);
    if (!facts) throw new Error(`Unknown statement ${statementId}`);
    const room = new Room(statementId, doc, this.options);
    room.finalised = facts.status === "finalised";
    const watch = new ApprovalWatch(doc, {
      db,
      logger,
      statementId,
      organisationId: facts.organisationId,
      sectionKeys,
      checkDelayMs: this.options.staleCheckMs,
    });
    await watch.reload();
    room.approvalWatch = watch;
    return room;
  }

  /** Gives back a reservation that did not become a member (a closed socket, a finished read). */
  release(room: Room): void {
    room.pendingJoins--;
    this.scheduleUnloadIfIdle(room);
  }

  scheduleUnloadIfIdle(room: Room): void {
    if (!room.isIdle || room.unloadTimer) return;
    room.unloadTimer = setTimeout(() => void this.unload(room), this.options.unloadGraceMs);
  }

  private unload(room: Room): Promise<void> {
    room.unloadTimer = null;
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
        if (result.value.unloadTimer) clearTimeout(result.value.unloadTimer);
        return this.unload(result.value);
      }),
    );
  }
}
