import type { Database } from "../../db/client";
import { appendUpdates, type UpdateRow } from "../../db/queries/documents";
import { mergeUpdatesInRounds } from "./merge-updates";

export interface UpdateLogOptions {
  /** How long an update may wait for companions before it is written. */
  flushDelayMs: number;
  /** Least time from the start of one timed write to the start of the next. */
  writeIntervalMs: number;
  onError?: (error: unknown) => void;
}

/** Pending updates are merged whenever this many have arrived since the last merge. */
const MERGE_EVERY = 64;

/** After a failed write, the next attempt waits at least this long. */
const RETRY_DELAY_MS = 1000;

/**
 * Longest stretch of write-time merging before the event loop gets a turn. A busy second holds a
 * row's worth of keystrokes for every statement and author; merged in one go that stalled relaying
 * by 10 ms and more, once a second, on the thread every keystroke passes through. Even with 2 ms
 * slices, keystrokes typed in the 50 ms after a write began were a fifth to nearly half of a busy
 * day's slowest hundredth (bench/results/latest.md, analysis).
 */
const MERGE_SLICE_MS = 0.5;

/**
 * Durable, batched writer of the Yjs update log. An edit after a quiet spell is written within
 * `flushDelayMs`; under continuous typing, writes start at most once per `writeIntervalMs`, and
 * everything arriving meanwhile is written together (group commit), merged into one row per
 * statement and author. A write costs per row, not per keystroke, so the interval is what bounds
 * the database work of a busy server (on PGlite: CPU this machine shares with the relaying).
 * Until written, an edit is also held by the client that made it, which sends it again when it
 * reconnects after a server crash.
 */
export class UpdateLog {
  private pending: UpdateRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** The latest batch write; batches run one after another. */
  private writing: Promise<void> = Promise.resolve();
  private writesInFlight = 0;
  private lastTimedWriteAt = Number.NEGATIVE_INFINITY;
  /** How many of `pending` are merged slices; the rest arrived since the last merge. */
  private mergedUpTo = 0;

  constructor(
    private readonly db: Database,
    private readonly options: UpdateLogOptions,
  ) {}

  append(statementId: string, authorId: string | null, update: Uint8Array): void {
    this.pending.push({ statementId, authorId, update });
    if (this.pending.length >= this.mergedUpTo + MERGE_EVERY) this.mergePending();
    if (!this.timer && this.writesInFlight === 0) this.scheduleTimedWrite(0);
  }

  /**
   * Merges the updates that arrived since the last merge among themselves, so that a write after
   * a second of busy typing does not stall the event loop merging everything at once. Rows merged
   * earlier are left alone: merging into them again would re-encode a growing row every time.
   */
  private mergePending(): void {
    const merged = this.pending.slice(0, this.mergedUpTo);
    this.pending = merged.concat(mergeByStatementAndAuthor(this.pending.slice(this.mergedUpTo)));
    this.mergedUpTo = this.pending.length;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Resolves once everything appended before the call is in the database. */
  flush(): Promise<void> {
    this.cancelTimer();
    return this.writeBatch();
  }

  private scheduleTimedWrite(minimumDelayMs: number): void {
    const untilAllowed = this.lastTimedWriteAt + this.options.writeIntervalMs - performance.now();
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.lastTimedWriteAt = performance.now();
        void this.writeBatch().catch(() => {});
      },
      Math.max(this.options.flushDelayMs, minimumDelayMs, untilAllowed),
    );
  }

  private cancelTimer(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
  }

  /** Queues a write of everything pending when it starts. */
  private writeBatch(): Promise<void> {
    this.writesInFlight++;
    const write = this.writing
      .catch(() => {})
      .then(() => this.writePending())
      .finally(() => {
        this.writesInFlight--;
      });
    this.writing = write;
    return write;
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.mergedUpTo = 0;
    let failed = false;
    try {
      await appendUpdates(this.db, await mergeInSlices(groupByStatementAndAuthor(batch)));
    } catch (error) {
      failed = true;
      // Keep the batch, in order, ahead of anything newer, and retry later.
      this.pending = batch.concat(this.pending);
      this.mergedUpTo = 0;
      this.options.onError?.(error);
      throw error;
    } finally {
      // What arrived during the write (or a failed batch) waits for the next timed write.
      if (this.pending.length > 0 && !this.timer) this.scheduleTimedWrite(failed ? RETRY_DELAY_MS : 0);
    }
  }
}

/**
 * One row per statement and author per batch. A batch can hold thousands of updates when they
 * arrive faster than the database writes (a paste replayed, a client catching up), hence the
 * merge in rounds.
 */
function mergeByStatementAndAuthor(batch: UpdateRow[]): UpdateRow[] {
  return groupByStatementAndAuthor(batch).map(mergeGroup);
}

/** The same merge, yielding to the event loop whenever a slice of it has run MERGE_SLICE_MS. */
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

function groupByStatementAndAuthor(batch: UpdateRow[]): UpdateRow[][] {
  const groups = new Map<string, UpdateRow[]>();
  for (const row of batch) {
    const key = `${row.statementId}\u0000${row.authorId ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

function mergeGroup(rows: UpdateRow[]): UpdateRow {
  const first = rows[0] as UpdateRow;
  return rows.length === 1
    ? first
    : { ...first, update: mergeUpdatesInRounds(rows.map((row) => row.update)) };
}
