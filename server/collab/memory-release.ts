import type { Logger } from "./logger";

export interface MemoryReleaseOptions {
  /** Full collections; null when the runtime does not expose them. */
  collect: (() => void) | null;
  /** Unloads since the last release that make one worthwhile. */
  minUnloads: number;
  /** How long no statement may have unloaded before releasing. */
  quietMs: number;
  logger: Logger;
}

/**
 * Gives memory back to the system after many statements have unloaded: at the end of a working
 * day, or when a burst of readers leaves. V8 keeps the heap pages those rooms were spread over
 * until full collections compact and release them, and a server that is then idle allocates too
 * little to start one by itself, so its resident memory would stay at the day's peak
 * (docs/decisions/0005). It runs once unloading has gone quiet, so never once per room, and only when Node exposes
 * collections (`--expose-gc`, which `npm start` passes); without that it does nothing.
 */
export class MemoryRelease {
  private unloadsSinceRelease = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: MemoryReleaseOptions) {}

  /** Call after each statement unloads. */
  noteUnload(): void {
    if (!this.options.collect) return;
    this.unloadsSinceRelease++;
    if (this.unloadsSinceRelease < this.options.minUnloads) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.release(), this.options.quietMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private release(): void {
    this.timer = null;
    const unloads = this.unloadsSinceRelease;
    this.unloadsSinceRelease = 0;
    const rssBefore = process.memoryUsage.rss();
    const started = performance.now();
    this.options.collect?.();
    this.options.logger.info("memory released after unloading", {
      unloads,
      ms: Math.round(performance.now() - started),
      rssMiBBefore: Math.round(rssBefore / 2 ** 20),
      rssMiBAfter: Math.round(process.memoryUsage.rss() / 2 ** 20),
    });
  }
}

/**
 * Two full collections when Node runs with `--expose-gc`, else null. Two, because V8 returns the
 * pages a collection emptied only once they are swept: the second collection releases what the
 * first one freed.
 */
export function exposedFullCollections(): (() => void) | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== "function") return null;
  return () => {
    gc();
    gc();
  };
}
