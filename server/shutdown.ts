import type { Logger } from "./collab/logger";

export interface ShutdownOptions {
  close: () => Promise<void>;
  logger: Logger;
  /** After this long the process exits with 1, whatever the close is doing. */
  timeoutMs: number;
  exit?: (code: number) => void;
}

/** Logs, but never lets a failing stdout or stderr (a closed pipe) stop the shutdown. */
function tryLog(log: () => void): void {
  try {
    log();
  } catch {
    // Nothing to do: the log is gone, the shutdown goes on.
  }
}

/**
 * SIGTERM and SIGINT close the app, with a forced exit armed before anything else is done (even
 * before logging), so that neither a hung close nor a broken stdout or stderr keeps the process up.
 */
export function installShutdown({ close, logger, timeoutMs, exit = process.exit }: ShutdownOptions): void {
  // A write to a closed pipe is reported as an 'error' event, which would otherwise be thrown.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const forced = setTimeout(() => {
      tryLog(() => logger.error("shutdown timed out", { timeoutMs }));
      exit(1);
    }, timeoutMs);
    tryLog(() => logger.info("shutting down", { signal }));
    close().then(
      () => {
        clearTimeout(forced);
        exit(0);
      },
      (error: unknown) => {
        tryLog(() => logger.error("shutdown failed", { error: String(error) }));
        exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
