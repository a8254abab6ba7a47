import { randomUUID } from "node:crypto";
import type { Database } from "../../../db/client";
import { compactWithStoredState } from "../document-store";
import type { RoomHooks } from "../hooks";
import type { Logger } from "../logger";
import type { DocumentCompactor, Room } from "../room";
import type { RoomRelay } from "../rooms";
import type { UpdateLog } from "../update-log";
import type { RedisNode } from "./redis-node";
import { RoomLink } from "./room-link";

/** How often the nodes whose clients this node shows are checked for a heartbeat. */
const SWEEP_MS = 2_000;
/** A compaction lease expires this long after it was taken, should its node die holding it. */
const COMPACTION_LEASE_MS = 30_000;
/** Deletes the lease only if it is still the one this node took. */
const RELEASE_LEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * The rooms of this node shared with the other nodes (decision 0009): a RoomLink per loaded room,
 * re-synced after a Redis outage, and a sweep that removes the presence of nodes that died.
 */
export class NodeRelay implements RoomRelay {
  private readonly links = new Map<Room, RoomLink>();
  /** Nodes missing their heartbeat at the last sweep: dropped if still missing at the next. */
  private suspects = new Set<string>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly stopListening: () => void;

  constructor(
    private readonly node: RedisNode,
    private readonly db: Database,
    private readonly logger: Logger,
  ) {
    this.stopListening = node.onReconnect(() => {
      for (const link of this.links.values()) void link.resync();
    });
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  async attach(room: Room): Promise<RoomHooks> {
    this.node.assertAvailable();
    const link = new RoomLink(room, this.node, this.db, this.logger);
    this.links.set(room, link);
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

  /**
   * Compacts under a lease in Redis, so one node at a time folds a statement's log, merging the
   * stored state with its own document. Without the lease (another node has it, or Redis is
   * away) it leaves the log as it is: it is folded next time.
   */
  compactor(db: Database, updateLog: UpdateLog): DocumentCompactor {
    return async (statementId, doc) => {
      const key = `beredning:compaction:${statementId}`;
      const token = randomUUID();
      const taken = await this.node.commands
        .set(key, token, "PX", COMPACTION_LEASE_MS, "NX")
        .catch(() => null);
      await updateLog.flush();
      if (taken !== "OK") return;
      try {
        await compactWithStoredState(db, statementId, doc);
      } finally {
        await this.node.commands.eval(RELEASE_LEASE, 1, key, token).catch(() => {});
      }
    };
  }

  /** Drops the presence of nodes whose heartbeat is missing at two sweeps in a row. */
  private async sweep(): Promise<void> {
    const shown = new Set<string>();
    for (const link of this.links.values()) for (const node of link.remoteNodes()) shown.add(node);
    const live = await this.node.liveNodes([...shown]);
    if (!live) return;
    const missing = new Set([...shown].filter((node) => !live.has(node)));
    for (const node of missing) {
      if (!this.suspects.has(node)) continue;
      this.logger.warn("node gone: its clients' presence removed", { node });
      for (const link of this.links.values()) link.dropNode(node);
    }
    this.suspects = missing;
  }

  stop(): void {
    clearInterval(this.sweeper);
    this.stopListening();
  }
}
