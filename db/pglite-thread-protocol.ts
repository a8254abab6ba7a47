import type { MessagePort } from "node:worker_threads";

/*
 * Messages between the main thread and the worker thread that owns PGlite (see pglite-thread.ts).
 * Both ends are this codebase, so the shapes are typed, not validated.
 */

export interface PgliteThreadOptions {
  dataDir?: string;
  /** A data-dir dump (`PGlite.dumpDataDir`) to start from, as bytes: a Blob does not cross threads. */
  loadDataDir?: ArrayBuffer;
  /** Nice value for the worker thread (Linux): above 0 yields the CPU to the event loop under contention. */
  niceness?: number;
}

export interface ThreadQueryOptions {
  rowMode: "array" | "object";
  /** Type OIDs whose text is returned unparsed (Drizzle parses dates, timestamps and intervals itself). */
  rawTypes: number[];
}

export type ThreadRequest =
  | { id: number; op: "query"; sql: string; params: unknown[]; options: ThreadQueryOptions; tx?: number }
  | { id: number; op: "begin" }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "close" }
  /** Serve requests arriving on `port` too (another thread's connection), answering on it. */
  | { id: number; op: "connect"; port: MessagePort };
