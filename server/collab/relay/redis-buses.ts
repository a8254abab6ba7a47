import { z } from "zod";
import { statementEventSchema } from "../../../contracts/events";
import { inProcessSessionEvents, type SessionEndedBus } from "../../../events/session-events";
import { inProcessStatementEvents, type StatementEventBus } from "../../../events/statement-events";
import type { Logger } from "../logger";
import { openNodeChannel } from "./node-channel";
import type { RedisNode } from "./redis-node";

/** A bus whose messages reach this node's listeners at once and the other nodes' over Redis. */
export type RedisBus<Bus> = Bus & { stop(): Promise<void> };

/** Wraps an in-process bus so that what is published on it also goes to the other nodes, and theirs comes in. */
async function acrossNodes<T, Bus extends { publish(message: T): void }>(
  local: Bus,
  node: RedisNode,
  channelName: string,
  schema: z.ZodType<T>,
  logger: Logger,
): Promise<RedisBus<Bus>> {
  const channel = await openNodeChannel(
    node,
    channelName,
    schema,
    (message) => local.publish(message),
    logger,
  );
  return {
    ...local,
    publish(message: T) {
      local.publish(message);
      channel.publish(message);
    },
    stop: channel.stop,
  };
}

/**
 * Statement events (approvals, staleness, comments, status, details) on every node. Events are
 * not stored: a page that misses one while Redis is away reloads the statement when it next gets one.
 */
export function redisStatementEvents(node: RedisNode, logger: Logger): Promise<RedisBus<StatementEventBus>> {
  return acrossNodes(inProcessStatementEvents(), node, "beredning:events", statementEventSchema, logger);
}

/**
 * Ended sessions on every node: their sockets close and cached checks forget them at once. One
 * missed while Redis is away is still caught by the sockets' periodic re-check.
 */
export function redisSessionEvents(node: RedisNode, logger: Logger): Promise<RedisBus<SessionEndedBus>> {
  const sessionIds = z.array(z.string().max(100)).max(100_000);
  return acrossNodes(inProcessSessionEvents(), node, "beredning:sessions-ended", sessionIds, logger);
}
