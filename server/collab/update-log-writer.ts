import type { DatabaseConnection } from "../../db/client";
import type { PackedUpdateBatch } from "./update-batch";
import { UpdateLogThread } from "./update-log-thread";

/** Where the update log's batches go: merged to a row per statement and author, and inserted. */
export interface UpdateLogWriter {
  /** Writes the batch's rows in one statement: all of them, or (rejecting) none. */
  write(batch: PackedUpdateBatch): Promise<void>;
  /**
   * Resolves once the writer has run its merging and a rolled-back write (see warm-up.ts), so the
   * first writes after a start are not slow; with the milliseconds that took.
   */
  warmedUp(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The writer for this connection: a thread of its own (see update-log-thread.ts), which reaches the
 * database over a connection this one shares with it. Every connection the app opens can be shared
 * (PostgreSQL, PGlite in its worker); each thread started after a crash gets a new share.
 */
export function openUpdateLogWriter(connection: DatabaseConnection): UpdateLogWriter {
  return UpdateLogThread.open(() => {
    const shared = connection.share();
    if (!shared) {
      throw new Error(
        "The update log needs a database it can share with its thread (not PGlite in this thread)",
      );
    }
    return shared;
  });
}
