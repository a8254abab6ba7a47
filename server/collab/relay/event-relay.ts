import { z } from "zod";
import { statementEventSchema } from "../../../contracts/events";
import { deliverRelayedStatementEvent, relayStatementEvents } from "../../../events/statement-events";
import type { Logger } from "../logger";
import type { RedisNode } from "./redis-node";

const EVENTS_CHANNEL = "beredning:events";
const relayedEventSchema = z.object({ node: z.string(), event: statementEventSchema });

/**
 * Carries statement events (approvals, staleness, comments, status, details) between nodes: each
 * published here goes to the others, which deliver it to their open pages. Events are not stored:
 * a page that misses one while Redis is away reloads the statement when it next gets one.
 */
export async function startEventRelay(node: RedisNode, logger: Logger): Promise<() => Promise<void>> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  await node.subscribe(EVENTS_CHANNEL, (data) => {
    const parsed = relayedEventSchema.safeParse(safeJson(decoder.decode(data)));
    if (!parsed.success) {
      logger.warn("malformed relayed event");
      return;
    }
    if (parsed.data.node !== node.id) deliverRelayedStatementEvent(parsed.data.event);
  });
  relayStatementEvents((event) =>
    node.publish(EVENTS_CHANNEL, encoder.encode(JSON.stringify({ node: node.id, event }))),
  );
  return async () => {
    relayStatementEvents(undefined);
    await node.unsubscribe(EVENTS_CHANNEL);
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
