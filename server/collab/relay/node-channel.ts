import type { z } from "zod";
import type { Logger } from "../logger";
import type { RedisNode } from "./redis-node";

export interface NodeChannel<T> {
  /** Sends to every other node; dropped (not queued) while Redis is unreachable. */
  publish(message: T): void;
  stop(): Promise<void>;
}

/**
 * A Redis pub/sub channel between the nodes carrying JSON messages of one schema: each node hands
 * the other nodes' messages to `deliver`, never its own, and drops any that don't match.
 */
export async function openNodeChannel<T>(
  node: RedisNode,
  name: string,
  schema: z.ZodType<T>,
  deliver: (message: T) => void,
  logger: Logger,
): Promise<NodeChannel<T>> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  await node.subscribe(name, (data) => {
    const envelope = parseJson(decoder.decode(data));
    const message = schema.safeParse(envelope?.message);
    if (!envelope || typeof envelope.node !== "string" || !message.success) {
      logger.warn("malformed message between nodes", { channel: name });
      return;
    }
    if (envelope.node !== node.id) deliver(message.data);
  });
  return {
    publish: (message) => node.publish(name, encoder.encode(JSON.stringify({ node: node.id, message }))),
    stop: () => node.unsubscribe(name),
  };
}

function parseJson(text: string): { node?: unknown; message?: unknown } | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? value : null;
  } catch {
    return null;
  }
}
