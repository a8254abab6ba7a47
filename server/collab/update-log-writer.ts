import type { Database, DatabaseConnection } from "../../db/client";
import { appendUpdates, type UpdateRow } from "../../db/queries/documents";
import { groupByStatementAndAuthor, mergeGroup } from "./update-batch";
import { UpdateLogThread } from "./update-log-thread";
import { warmUpDatabaseWrites, warmUpMerging } from "./warm-up";

/** Where the update log's batches go: merged to a row per statement and author, and inserted. */
export interface UpdateLogWriter {
  /** Writes the rows in one statement: all of them, or (rejecting) none. */
  write(rows: UpdateRow[]): Promise<void>;
  /**
   * Resolves once the writer has run its merging and a rolled-back write (see warm-up.ts), so the
   * first writes after a start are not slow; with the milliseconds that took.
   */
  warmedUp(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Longest stretch of merging on this thread before the event loop gets a turn. A busy second holds
 * a row's worth of keystrokes for every statement and author; merged in one go that stalled
 * relaying by 10 ms and more, once a second, on the thread every keystroke passes through.
 */
const MERGE_SLICE_MS = 0.5;

/**
 * The writer for this connection: a thread of its own wherever the database can be shared with
 * one (PostgreSQL, PGlite in its worker), else this thread.
 */
export function openUpdateLogWriter(connection: DatabaseConnection): UpdateLogWriter {
  const first = connection.share();
  if (!first) return inThisThread(connection.db);
  let shared: typeof first | null = first;
  // The first share is used by the first worker; a worker started after a crash gets a new one.
  return UpdateLogThread.open(() => {
    const next = shared ?? connection.share();
    shared = null;
    if (!next) throw new Error("The database can no longer be shared");
    return next;
  });
}

/** Merges and writes on the calling thread, yielding to its event loop between slices of merging. */
export function inThisThread(db: Database): UpdateLogWriter {
  return {
    write: async (rows) => appendUpdates(db, await mergeInSlices(groupByStatementAndAuthor(rows))),
    warmedUp: async () => warmUpMerging() + (await warmUpDatabaseWrites(db)),
    close: async () => {},
  };
}

async function mergeInSlices(groups: UpdateRow[][]): Promise<UpdateRow[]> {
  const merged: UpdateRow[] = [];
  let sliceStart = performance.now();
  for (const group of groups) {
    if (performance.now() - sliceStart > MERGE_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    merged.push(mergeGroup(group));
  }
  return merged;
}
