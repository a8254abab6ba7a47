import type { Database } from "../../../db/client";
import type { StatementEventBus } from "../../../events/statement-events";
import type { DocumentStore } from "../document-store";
import type { RoomHooks } from "../hooks";
import type { Logger } from "../logger";
import type { Room } from "../room";
import type { RoomRelay, ThawOthers } from "../rooms";
import { LeasedDocumentStore } from "./leased-document-store";
import type { RedisNode } from "./redis-node";
import { RoomLink } from "./room-link";

/** How often the nodes whose clients this node shows are checked for a heartbeat. */
const SWEEP_MS = 2_000;
/** The periodic re-sync visits the rooms in this many slices, spread over its interval. */
const RESYNC_SLICES = 10;

/**
 * The rooms of this node shared with the other nodes (decision 0011): a RoomLink per loaded room,
 * re-synced after a Redis outage and every `resyncMs` while it changes, and a sweep that removes
 * the presence of nodes that died.
 */
export class NodeRelay implements RoomRelay {
  /** Each loaded room's link, and the slice of the periodic re-sync it is in. */
  private readonly links = new Map<Room, { link: RoomLink; slice: number }>();
  private nextSlice = 0;
  private resyncTick = 0;
  private readonly resyncer: NodeJS.Timeout | null;
  /** Nodes missing their heartbeat at the last sweep: dropped if still missing at the next. */
  private suspects = new Set<string>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly stopListening: () => void;

  constructor(
    private readonly node: RedisNode,
    private readonly db: Database,
    private readonly events: StatementEventBus,
    private readonly logger: Logger,
    /** How often a changing room re-syncs with the other holders; 0 turns it off. */
    resyncMs: number,
  ) {
    this.stopListening = node.onReconnect(() => {
      for (const { link } of this.links.values()) void link.resync();
    });
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
    this.resyncer = resyncMs > 0 ? setInterval(() => this.resyncSlice(), resyncMs / RESYNC_SLICES) : null;
    this.resyncer?.unref();
  }

  async attach(room: Room): Promise<RoomHooks> {
    this.node.assertAvailable();
    const link = new RoomLink(room, this.node, this.db, this.events, this.logger);
    this.links.set(room, { link, slice: this.nextSlice++ % RESYNC_SLICES });
    try {
      await link.join();
    } catch (error) {
      this.links.delete(room);
      await link.leave().catch(() => {});
      throw error;
    }
    return {
      onUnload: (unloaded) => {
        this.links.delete(unloaded);
        return link.onUnload(unloaded);
      },
    };
  }

  freezeOthers(room: Room): Promise<ThawOthers | null> {
    const entry = this.links.get(room);
    return entry ? entry.link.freezeOthers() : Promise.resolve(() => {});
  }

  /** The node's store, compacting under the nodes' common lease (see LeasedDocumentStore). */
  store(db: Database, base: DocumentStore): DocumentStore {
    return new LeasedDocumentStore(base, db, this.node);
  }

  /** One slice of the periodic re-sync; a whole round takes `resyncMs`. */
  private resyncSlice(): void {
    if (!this.node.available) return;
    const slice = this.resyncTick++ % RESYNC_SLICES;
    for (const entry of this.links.values()) if (entry.slice === slice) entry.link.resyncIfChanged();
  }

  /** Drops the presence of nodes whose heartbeat is missing at two sweeps in a row. */
  private async sweep(): Promise<void> {
    const shown = new Set<string>();
    for (const { link } of this.links.values()) for (const node of link.remoteNodes()) shown.add(node);
    const live = await this.node.liveNodes([...shown]);
    if (!live) return;
    const missing = new Set([...shown].filter((node) => !live.has(node)));
    for (const node of missing) {
      if (!this.suspects.has(node)) continue;
      this.logger.warn("node gone: its clients' presence removed", { node });
      for (const { link } of this.links.values()) link.dropNode(node);
    }
    this.suspects = missing;
  }

  stop(): void {
    clearInterval(this.sweeper);
    if (this.resyncer) clearInterval(this.resyncer);
    this.stopListening();
  }
}
