import type { UpdateRow } from "../../db/queries/documents";
import {
  mergeGroup,
  type PackedUpdateBatch,
  packUpdateBatch,
  UpdateBatchBuilder,
  unpackGroups,
} from "./update-batch";
import type { UpdateLogWriter } from "./update-log-writer";

export interface UpdateLogOptions {
  /** How long an update may wait for companions before it is written. */
  flushDelayMs: number;
  /** Least time from the start of one timed write to the start of the next. */
  writeIntervalMs: number;
  onError?: (error: unknown) => void;
}

/** After a failed write, the next attempt waits at least this long. */
const RETRY_DELAY_MS = 1000;

/**
 * Durable, batched writer of the Yjs update log. An edit after a quiet spell is written within
 * `flushDelayMs`; under continuous typing, writes start at most once per `writeIntervalMs`, and
 * everything arriving meanwhile is written together (group commit), merged into one row per
 * statement and author by the writer (on a thread of its own, see update-log-thread.ts). Updates
 * wait packed (see UpdateBatchBuilder), not as an object each. A write costs per row, not per
 * keystroke, so the interval is what bounds the database work of a busy server (CPU this machine
 * shares with the relaying).
 * Until written, an edit is also held by the client that made it, which sends it again when it
 * reconnects after a server crash.
 */
export class UpdateLog {
  private readonly pending = new UpdateBatchBuilder();
  /**
   * What failed writes held, merged to a row per statement and author (so an outage of the
   * database does not hold every keystroke), to be written ahead of `pending`.
   */
  private unwritten: UpdateRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** The latest batch write; batches run one after another. */
  private writing: Promise<void> = Promise.resolve();
  private writesInFlight = 0;
  private lastTimedWriteAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly writer: UpdateLogWriter,
    private readonly options: UpdateLogOptions,
  ) {}

  append(statementId: string, authorId: string | null, update: Uint8Array): void {
    this.pending.append(statementId, authorId, update);
    if (!this.timer && this.writesInFlight === 0) this.scheduleTimedWrite(0);
  }

  /** Rows waiting to be written: updates, and merged rows of failed writes. */
  get pendingCount(): number {
    return this.unwritten.length + this.pending.rowCount;
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
    if (this.pendingCount === 0) return;
    const batch = this.takeBatch();
    let failed = false;
    try {
      await this.writer.write(batch);
    } catch (error) {
      failed = true;
      this.unwritten = mergedForRetry(batch);
      this.options.onError?.(error);
      throw error;
    } finally {
      // What arrived during the write (or a failed batch) waits for the next timed write.
      if (this.pendingCount > 0 && !this.timer) this.scheduleTimedWrite(failed ? RETRY_DELAY_MS : 0);
    }
  }

  /** Everything waiting: the rows of failed writes first, then the updates appended since. */
  private takeBatch(): PackedUpdateBatch {
    const appended = this.pending.take();
    if (this.unwritten.length === 0) return appended;
    const rows = this.unwritten.concat(unpackGroups(appended).flat());
    this.unwritten = [];
    return packUpdateBatch(rows);
  }
}

/**
 * A failed batch as a row per statement and author. A group that cannot be merged (the writer
 * could not either: that may be why the write failed) is kept as it is.
 */
function mergedForRetry(batch: PackedUpdateBatch): UpdateRow[] {
  return unpackGroups(batch).flatMap((group) => {
    try {
      return [mergeGroup(group)];
    } catch {
      return group;
    }
  });
}
