import type { UpdateRow } from "../../db/queries/documents";
import { groupByStatementAndAuthor, mergeGroup } from "./update-batch";
import type { UpdateLogWriter } from "./update-log-writer";

export interface UpdateLogOptions {
  /** How long an update may wait for companions before it is written. */
  flushDelayMs: number;
  /** Least time from the start of one timed write to the start of the next. */
  writeIntervalMs: number;
  onError?: (error: unknown) => void;
}

/**
 * While writes fail, pending updates are merged whenever this many have arrived since the last
 * merge, so that an outage of the database does not hold every keystroke in memory.
 */
const MERGE_EVERY = 64;

/** After a failed write, the next attempt waits at least this long. */
const RETRY_DELAY_MS = 1000;

/**
 * Durable, batched writer of the Yjs update log. An edit after a quiet spell is written within
 * `flushDelayMs`; under continuous typing, writes start at most once per `writeIntervalMs`, and
 * everything arriving meanwhile is written together (group commit), merged into one row per
 * statement and author by the writer (on a thread of its own, see update-log-thread.ts). A write
 * costs per row, not per keystroke, so the interval is what bounds the database work of a busy
 * server (CPU this machine shares with the relaying).
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
  private lastWriteFailed = false;

  constructor(
    private readonly writer: UpdateLogWriter,
    private readonly options: UpdateLogOptions,
  ) {}

  append(statementId: string, authorId: string | null, update: Uint8Array): void {
    this.pending.push({ statementId, authorId, update });
    if (this.lastWriteFailed && this.pending.length >= this.mergedUpTo + MERGE_EVERY) this.mergePending();
    if (!this.timer && this.writesInFlight === 0) this.scheduleTimedWrite(0);
  }

  /**
   * Merges the updates that arrived since the last merge among themselves. Rows merged earlier are
   * left alone: merging into them again would re-encode a growing row every time.
   */
  private mergePending(): void {
    const merged = this.pending.slice(0, this.mergedUpTo);
    this.pending = merged.concat(
      groupByStatementAndAuthor(this.pending.slice(this.mergedUpTo)).map(mergeGroup),
    );
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
      await this.writer.write(batch);
    } catch (error) {
      failed = true;
      // Keep the batch, in order, ahead of anything newer, and retry later.
      this.pending = batch.concat(this.pending);
      this.mergedUpTo = 0;
      this.options.onError?.(error);
      throw error;
    } finally {
      this.lastWriteFailed = failed;
      // What arrived during the write (or a failed batch) waits for the next timed write.
      if (this.pending.length > 0 && !this.timer) this.scheduleTimedWrite(failed ? RETRY_DELAY_MS : 0);
    }
  }
}
