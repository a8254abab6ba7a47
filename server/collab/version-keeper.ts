import type * as Y from "yjs";
import type { Database } from "../../db/client";
import { insertVersion, latestVersionAt } from "../../db/queries/versions";
import type { RoomHooks, UpdateContext } from "./hooks";
import type { Logger } from "./logger";
import { captureStatement } from "./section-snapshots";

export interface VersionKeeperOptions {
  db: Database;
  logger: Logger;
  statementId: string;
  sectionKeys: string[];
  /** A version is taken once editing has paused this long. */
  quietMs: number;
  /** At most one automatic quiet-spell version per this long. */
  intervalMs: number;
}

/**
 * Takes a version of a loaded statement after each quiet spell of editing (and at unload, when
 * edits are not yet in one), at most one per `intervalMs`. It watches edits through the room's
 * `afterChange` hook and writes off the hot path, on a timer.
 */
export class VersionKeeper implements RoomHooks {
  private lastTakenAt = 0;
  private dirty = false;
  private lastEditor: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: VersionKeeperOptions,
  ) {}

  async onLoad(): Promise<void> {
    const latest = await latestVersionAt(this.options.db, this.options.statementId, "quiet");
    this.lastTakenAt = latest?.getTime() ?? 0;
  }

  afterChange(context: UpdateContext): void {
    this.dirty = true;
    this.lastEditor = context.member.userId;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.takeIfDue();
    }, this.options.quietMs);
  }

  private takeIfDue(): void {
    if (!this.dirty || Date.now() - this.lastTakenAt < this.options.intervalMs) return;
    this.dirty = false;
    this.lastTakenAt = Date.now();
    const captured = captureStatement(this.doc, this.options.sectionKeys);
    const { db, statementId, logger } = this.options;
    this.writing = this.writing
      .then(() => insertVersion(db, { statementId, kind: "quiet", captured, createdBy: this.lastEditor }))
      .then(() => undefined)
      .catch((error: unknown) => logger.error("version write failed", { statementId, error: String(error) }));
  }

  async onUnload(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.takeIfDue();
    await this.writing;
  }
}
