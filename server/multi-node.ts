import type { DatabaseConnection } from "../db/client";
import type { SessionEndedBus } from "../events/session-events";
import type { StatementEventBus } from "../events/statement-events";
import type { Logger } from "./collab/logger";
import { NodeRelay } from "./collab/relay/node-relay";
import { redisSessionEvents, redisStatementEvents } from "./collab/relay/redis-buses";
import { RedisNode } from "./collab/relay/redis-node";

/** This process as one node of several over Redis: the room relay and the two buses. */
export interface MultiNode {
  readonly relay: NodeRelay;
  readonly nodeId: string;
  readonly statementEvents: StatementEventBus;
  readonly sessionEvents: SessionEndedBus;
  /** After the collaboration server has closed: stops relaying, removes the heartbeat, disconnects. */
  close(): Promise<void>;
}

/**
 * Connects to Redis; refuses the embedded database, which one process owns. `resyncMs`: how often
 * a changing room re-syncs with the other holders (COLLAB_RELAY_RESYNC_MS).
 */
export async function startMultiNode(
  redisUrl: string,
  database: DatabaseConnection,
  logger: Logger,
  resyncMs: number,
): Promise<MultiNode> {
  if (database.kind !== "postgres") {
    throw new Error("REDIS_URL (several nodes) requires DATABASE_URL: PGlite cannot be shared between nodes");
  }
  const node = await RedisNode.connect(redisUrl, logger);
  const statementEvents = await redisStatementEvents(node, logger);
  const sessionEvents = await redisSessionEvents(node, logger);
  const relay = new NodeRelay(node, database.db, statementEvents, logger, resyncMs);
  logger.info("several nodes: connected to redis", { node: node.id });
  return {
    relay,
    nodeId: node.id,
    statementEvents,
    sessionEvents,
    async close() {
      relay.stop();
      await statementEvents.stop();
      await sessionEvents.stop();
      await node.close();
    },
  };
}
