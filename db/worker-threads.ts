import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread running a TypeScript entry file of this codebase.
 *
 * Node 20 does not pass tsx's module hooks on to worker threads (not even with `--import tsx` in
 * the worker's execArgv), so the worker registers tsx itself before loading its entry.
 */
export function startTypeScriptWorker(entry: string, options: Omit<WorkerOptions, "eval">): Worker {
  // Evaluated code resolves bare specifiers from the working directory, as callers resolve `entry`.
  const bootstrap = [
    'const { register } = await import("tsx/esm/api");',
    "register();",
    `await import(${JSON.stringify(pathToFileURL(entry).href)});`,
  ].join("\n");
  return new Worker(bootstrap, { ...options, eval: true });
}

/*
 * Background threads (the database, the update-log writer) run below the event loop's priority:
 * when the cores are contended, relaying keystrokes (the main thread) should win. Linux schedules
 * threads individually, and /proc/thread-self names the calling thread's id; elsewhere the thread
 * keeps the process's priority.
 */
export function lowerThisThreadsPriority(niceness: number | undefined): void {
  if (!niceness) return;
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(threadId)) setPriority(threadId, niceness);
  } catch {
    // Not Linux, or not permitted: the default priority is correct, only less fair to the relay.
  }
}
