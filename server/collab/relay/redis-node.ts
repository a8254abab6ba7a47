import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { TryAgainLater } from "../close-codes";
import type { Logger } from "../logger";
import { TurnFlush } from "../turn-flush";

/** A node's heartbeat key expires this long after its last renewal: then it counts as dead. */
export const NODE_TTL_MS = 10_000;
const HEARTBEAT_MS = 2_000;
/** How long start-up waits for Redis. */
const CONNECT_TIMEOUT_MS = 10_000;

const nodeKey = (nodeId: string) => `beredning:node:${nodeId}`;

type MessageHandler = (message: Uint8Array) => void;

/**
 * This process as one node of several: its id, its two Redis connections (commands and
 * publishing; subscriptions), and its heartbeat. Commands fail at once while Redis is unreachable
 * (no offline queue): a caller learns it now rather than after the outage.
 */
export class RedisNode {
  readonly id = randomUUID();
  private readonly handlers = new Map<string, MessageHandler>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly heartbeat: NodeJS.Timeout;
  private unreachable = false;
  private closed = false;
  /** Messages published and not yet sent, in order. */
  private readonly outbox: [channel: string, message: Buffer][] = [];
  private readonly publishes = new TurnFlush(() => this.sendOutbox());

  private constructor(
    /** Commands and publishing. */
    readonly commands: Redis,
    private readonly subscriber: Redis,
    private readonly logger: Logger,
  ) {
    subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) =>
      this.handlers.get(channel.toString())?.(
        new Uint8Array(message.buffer, message.byteOffset, message.length),
      ),
    );
    for (const connection of [commands, subscriber]) {
      connection.on("error", () => {});
      connection.on("close", () => this.noteUnreachable());
      // The two reconnect on their own: the re-sync waits for both, or its requests would be dropped.
      connection.on("ready", () => void this.noteReconnected());
    }
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Connects both connections and announces the node; fails when Redis does not answer in time. */
  static async connect(url: string, logger: Logger): Promise<RedisNode> {
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true } as const;
    const commands = new Redis(url, options);
    const subscriber = new Redis(url, options);
    const timeout = setTimeout(() => {
      commands.disconnect();
      subscriber.disconnect();
    }, CONNECT_TIMEOUT_MS);
    try {
      await Promise.all([commands.connect(), subscriber.connect()]);
    } catch (error) {
      commands.disconnect();
      subscriber.disconnect();
      throw new Error(`Redis at ${url} did not answer: ${String(error)}`);
    } finally {
      clearTimeout(timeout);
    }
    const node = new RedisNode(commands, subscriber, logger);
    await node.beat();
    return node;
  }

  /** Whether both connections are up now. */
  get available(): boolean {
    return this.commands.status === "ready" && this.subscriber.status === "ready";
  }

  /** Throws TryAgainLater while Redis is unreachable. */
  assertAvailable(): void {
    if (!this.available) throw new TryAgainLater("Redis is unreachable");
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<void> {
    this.assertAvailable();
    this.handlers.set(channel, handler);
    try {
      await this.subscriber.subscribe(channel);
    } catch (error) {
      this.handlers.delete(channel);
      throw new TryAgainLater(`Redis subscribe failed: ${String(error)}`);
    }
  }

  async unsubscribe(channel: string): Promise<void> {
    this.handlers.delete(channel);
    if (this.subscriber.status === "ready") await this.subscriber.unsubscribe(channel).catch(() => {});
  }

  /**
   * Publishes if Redis is up; a message lost while it is away is made good by the re-sync after.
   * Messages keep their order, and those of one flush (see TurnFlush) go in one pipelined write.
   */
  publish(channel: string, message: Uint8Array): void {
    if (this.commands.status !== "ready") return;
    this.outbox.push([channel, Buffer.from(message.buffer, message.byteOffset, message.byteLength)]);
    this.publishes.schedule();
  }

  private sendOutbox(): void {
    const messages = this.outbox.splice(0);
    if (messages.length === 0 || this.commands.status !== "ready") return;
    const pipeline = this.commands.pipeline();
    for (const [channel, message] of messages) pipeline.publish(channel, message);
    pipeline.exec().catch(() => {});
  }

  /** Called each time Redis is back after an outage, once subscriptions are renewed. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Which of `nodeIds` have a heartbeat now; null when Redis cannot say. */
  async liveNodes(nodeIds: readonly string[]): Promise<Set<string> | null> {
    if (nodeIds.length === 0) return new Set();
    if (!this.available) return null;
    try {
      const beats = await this.commands.mget(nodeIds.map(nodeKey));
      return new Set(nodeIds.filter((_, index) => beats[index] !== null));
    } catch {
      return null;
    }
  }

  private async beat(): Promise<void> {
    if (this.commands.status !== "ready") return;
    await this.commands.set(nodeKey(this.id), "1", "PX", NODE_TTL_MS).catch(() => {});
  }

  private noteUnreachable(): void {
    if (this.unreachable || this.closed) return;
    this.unreachable = true;
    this.logger.error("redis unreachable: only statements whose clients are all here are served");
  }

  private async noteReconnected(): Promise<void> {
    if (!this.unreachable || this.closed || !this.available) return;
    this.unreachable = false;
    try {
      await this.beat();
      const channels = [...this.handlers.keys()];
      if (channels.length > 0) await this.subscriber.subscribe(...channels);
    } catch (error) {
      this.logger.warn("redis re-subscribe failed", { error: String(error) });
      return;
    }
    this.logger.info("redis reachable again: re-syncing loaded statements");
    for (const listener of this.reconnectListeners) listener();
  }

  /** Removes the heartbeat (the others drop this node's presence at once) and disconnects. */
  async close(): Promise<void> {
    this.closed = true;
    this.sendOutbox();
    clearInterval(this.heartbeat);
    if (this.commands.status === "ready") await this.commands.del(nodeKey(this.id)).catch(() => {});
    this.commands.disconnect();
    this.subscriber.disconnect();
  }
}
