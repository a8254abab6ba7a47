import type { DatabaseConnection } from "../db/client";
import type { Logger } from "./collab/logger";
import { startEventRelay } from "./collab/relay/event-relay";
import { NodeRelay } from "./collab/relay/node-relay";
import { RedisNode } from "./collab/relay/redis-node";

/** This process as one node of several over Redis: the room relay and the event relay. */
export interface MultiNode {
  readonly relay: NodeRelay;
  readonly nodeId: string;
  /** After the collaboration server has closed: stops relaying, removes the heartbeat, disconnects. */
  close(): Promise<void>;
}

/** Connects to Redis; refuses the embedded database, which one process owns. */
export async function startMultiNode(
  redisUrl: string,
  database: DatabaseConnection,
  logger: Logger,
): Promise<MultiNode> {
  if (database.kind !== "postgres") {
    throw new Error("REDIS_URL (several nodes) requires DATABASE_URL: PGlite cannot be shared between nodes");
  }
  const node = await RedisNode.connect(redisUrl, logger);
  const relay = new NodeRelay(node, database.db, logger);
  const stopEvents = await startEventRelay(node, logger);
  logger.info("several nodes: connected to redis", { node: node.id });
  return {
    relay,
    nodeId: node.id,
    async close() {
      relay.stop();
      await stopEvents();
      await node.close();
    },
  };
}
