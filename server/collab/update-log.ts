import * as Y from "yjs";
import type { Database } from "../../db/client";
import { appendUpdates, type UpdateRow } from "../../db/queries/documents";

export interface UpdateLogOptions {
  /** How long an update may wait for companions before it is written. */
  flushDelayMs: number;
  onError?: (error: unknown) => void;
}

/**
 * Durable, batched writer of the Yjs update log. Updates wait at most `flushDelayMs`; while one
 * write is in flight, everything arriving meanwhile is written together next (group commit), so
 * typing costs one round-trip per batch, not per keystroke.
 */
export class UpdateLog {
  private pending: UpdateRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly options: UpdateLogOptions,
  ) {}

  append(statementId: string, authorId: string | null, update: Uint8Array): void {
    this.pending.push({ statementId, authorId, update });
    if (!this.timer && !this.draining) {
      this.timer = setTimeout(() => void this.drain().catch(() => {}), this.options.flushDelayMs);
    }
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Resolves once everything appended before the call is in the database. */
  flush(): Promise<void> {
    return this.drain();
  }

  private drain(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.draining ??= this.writeUntilEmpty().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async writeUntilEmpty(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await appendUpdates(this.db, mergeByStatementAndAuthor(batch));
      } catch (error) {
        // Keep the batch, in order, ahead of anything newer, and retry later.
        this.pending = batch.concat(this.pending);
        this.options.onError?.(error);
        this.timer ??= setTimeout(() => void this.drain().catch(() => {}), 1000);
        throw error;
      }
    }
  }
}

/** One row per statement and author per batch: a batch is small, so merging it is cheap. */
function mergeByStatementAndAuthor(batch: UpdateRow[]): UpdateRow[] {
  const groups = new Map<string, UpdateRow[]>();
  for (const row of batch) {
    const key = `${row.statementId}\u0000${row.authorId ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((rows) => {
    const first = rows[0] as UpdateRow;
    return rows.length === 1 ? first : { ...first, update: Y.mergeUpdates(rows.map((row) => row.update)) };
  });
}
