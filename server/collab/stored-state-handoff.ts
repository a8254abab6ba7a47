/*
 * Opening a long statement cold cost a new client the whole rebuild: reading the snapshot took a
 * few milliseconds, rebuilding the Y.Doc from it about 50 and encoding it again for the client
 * another 25, and only then did the client get its first byte. A client that holds nothing yet
 * needs exactly the stored state, so it gets it as soon as it is read, while the room is built.
 */

/** Answers one waiting client with the stored state's sync step 2; resolves once it is written. */
export type StoredStateListener = (handoff: StoredStateHandoff, syncStep2: Uint8Array) => Promise<void>;

/**
 * One room load's stored state, handed to the clients waiting for that room. Open from the start
 * of the load until the room is built; a client arriving after the state was published gets it at
 * once, one arriving after `close` goes the usual way (answered from the built document).
 */
export class StoredStateHandoff {
  private syncStep2: Uint8Array | null = null;
  private listeners: StoredStateListener[] = [];
  private open = true;

  /** Whether anyone waits for the state: preparing it is skipped otherwise. */
  get wanted(): boolean {
    return this.open && this.listeners.length > 0;
  }

  subscribe(listener: StoredStateListener): void {
    if (!this.open) return;
    if (this.syncStep2) void listener(this, this.syncStep2);
    else this.listeners.push(listener);
  }

  /**
   * Hands the state to every waiting client. Resolves once all their answers are written, or after
   * `maxWaitMs`: the rebuild that follows blocks the event loop, so writes still pending would wait
   * for it, but a client that does not read must not hold up the room for everyone else.
   */
  async publish(syncStep2: Uint8Array, maxWaitMs: number): Promise<void> {
    if (!this.open) return;
    this.syncStep2 = syncStep2;
    const written = Promise.all(this.listeners.splice(0).map((listener) => listener(this, syncStep2)));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxWaitMs);
    });
    await Promise.race([written, timeout]).finally(() => clearTimeout(timer));
  }

  /** The room is built: later clients are answered from its document. */
  close(): void {
    this.open = false;
    this.syncStep2 = null;
    this.listeners = [];
  }
}
