/** Per-connection limits (server/config.ts: COLLAB_MAX_MESSAGES_PER_SECOND and the rest); 0 turns one off. */
export interface ConnectionLimitSettings {
  maxMessagesPerSecond: number;
  maxBytesPerSecond: number;
  /** Largest awareness state (its JSON) one client may announce. */
  maxAwarenessStateBytes: number;
  /** Most entries in a sync step 1's state vector (one per Yjs client that ever wrote). */
  maxStateVectorEntries: number;
}

/** A token bucket: `rate` per second, holding at most `capacity`; it starts full. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes `amount`; false when the bucket holds too little (nothing is taken then). */
  take(amount: number, now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

/** Seconds of a rate a connection may spend at once: a paste, a reconnect's sync step 2. */
const BURST_SECONDS = 2;

/**
 * The message and byte rates of one connection. A burst of two seconds' worth is allowed, and at
 * least two of the largest messages, so a big paste is never over the byte rate.
 */
export class ConnectionLimits {
  private readonly messages: TokenBucket | null;
  private readonly bytes: TokenBucket | null;

  constructor(settings: ConnectionLimitSettings, maxMessageBytes: number, now = performance.now()) {
    const { maxMessagesPerSecond: messages, maxBytesPerSecond: bytes } = settings;
    this.messages = messages > 0 ? new TokenBucket(messages, messages * BURST_SECONDS, now) : null;
    this.bytes =
      bytes > 0 ? new TokenBucket(bytes, Math.max(bytes * BURST_SECONDS, 2 * maxMessageBytes), now) : null;
  }

  /** Counts a received message; the reason when it is over a limit, else null. */
  admit(byteLength: number, now = performance.now()): string | null {
    if (this.messages && !this.messages.take(1, now)) return "Too many messages per second";
    if (this.bytes && !this.bytes.take(byteLength, now)) return "Too many bytes per second";
    return null;
  }
}
