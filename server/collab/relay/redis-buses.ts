import { z } from "zod";
import { statementEventSchema } from "../../../contracts/events";
import { inProcessSessionEvents, type SessionEndedBus } from "../../../events/session-events";
import { inProcessStatementEvents, type StatementEventBus } from "../../../events/statement-events";
import type { Logger } from "../logger";
import { openNodeChannel } from "./node-channel";
import type { RedisNode } from "./redis-node";

/** A bus whose events reach this node's listeners at once and the other nodes' over Redis. */
export type RedisBus<Bus> = Bus & { stop(): Promise<void> };

/**
 * Statement events (approvals, staleness, comments, status, details) on every node. Events are
 * not stored: a page that misses one while Redis is away reloads the statement when it next gets one.
 */
export async function redisStatementEvents(
  node: RedisNode,
  logger: Logger,
): Promise<RedisBus<StatementEventBus>> {
  const local = inProcessStatementEvents();
  const channel = await openNodeChannel(
    node,
    "beredning:events",
    statementEventSchema,
    local.publish,
    logger,
  );
  return {
    publish(event) {
      local.publish(event);
      channel.publish(event);
    },
    subscribe: local.subscribe,
    stop: channel.stop,
  };
}

/**
 * Ended sessions on every node: their sockets close and cached checks forget them at once. One
 * missed while Redis is away is still caught by the sockets' periodic re-check.
 */
export async function redisSessionEvents(
  node: RedisNode,
  logger: Logger,
): Promise<RedisBus<SessionEndedBus>> {
  const local = inProcessSessionEvents();
  const sessionIds = z.array(z.string().max(100)).max(100_000);
  const channel = await openNodeChannel(node, "beredning:sessions-ended", sessionIds, local.publish, logger);
  return {
    publish(ids) {
      local.publish(ids);
      channel.publish(ids);
    },
    subscribe: local.subscribe,
    stop: channel.stop,
  };
}
