import path from "node:path";
import type { Worker } from "node:worker_threads";
import type { SharedDatabase } from "../../db/client";
import {
  deserializeError,
  type SerializedError,
  ThreadRequests,
  type ThreadResponse,
} from "../../db/thread-messages";
import { startTypeScriptWorker } from "../../db/worker-threads";
import type { PackedUpdateBatch } from "./update-batch";
import type { UpdateLogWriter } from "./update-log-writer";

/* Resolved from the working directory, not import.meta.url, like the PGlite worker's entry. */
const WORKER_ENTRY = path.join(process.cwd(), "server", "collab", "update-log-worker.ts");

/**
 * The writer thread runs below the event loop's priority, as the PGlite thread does: its work can
 * wait a few milliseconds, a keystroke being relayed should not.
 */
const WRITER_NICENESS = 10;

const WRITER_YOUNG_GENERATION_MB = 4;

export interface UpdateLogWorkerData {
  database: SharedDatabase;
  niceness: number;
}

/** What the worker answers when it is ready: how long its warm-up took, or why it failed. */
export interface WarmUpReport {
  ms: number;
  error?: SerializedError;
}

export type UpdateLogRequest =
  | { id: number; op: "write"; batch: PackedUpdateBatch }
  | { id: number; op: "close" };

interface RunningWorker {
  worker: Worker;
  requests: ThreadRequests<UpdateLogRequest>;
  /** Settles when the worker has loaded, connected and warmed up (or failed to). */
  ready: Promise<WarmUpReport>;
  isReady: boolean;
}

/**
 * Writes the update log from a worker thread, so merging and encoding never hold the relaying
 * thread: it only hands over the batch, packed in three buffers (docs/decisions/0004).
 * A worker that dies fails the writes in flight (the update log keeps and retries them); the next
 * write starts a new one.
 */
export class UpdateLogThread implements UpdateLogWriter {
  private running: RunningWorker | null = null;

  private constructor(private readonly shareDatabase: () => SharedDatabase) {}

  /**
   * Starts the worker without waiting for it (about half a second, loading its modules), so that
   * it starts beside the rest of the server. A worker that fails to start fails the first write.
   */
  static open(shareDatabase: () => SharedDatabase): UpdateLogThread {
    const thread = new UpdateLogThread(shareDatabase);
    thread.running = thread.start();
    return thread;
  }

  /** The batch is copied to the thread (its buffers hold only its rows): the caller may keep it. */
  async write(batch: PackedUpdateBatch): Promise<void> {
    this.running ??= this.start();
    const { requests, ready } = this.running;
    await ready;
    await requests.send({ op: "write", batch });
  }

  /** The worker reports its warm-up as it says it is ready; a failed one rejects here only. */
  async warmedUp(): Promise<number> {
    this.running ??= this.start();
    const report = await this.running.ready;
    if (report.error) throw deserializeError(report.error);
    return report.ms;
  }

  /** Ends the worker; call it once every write has settled. */
  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (!running) return;
    // A worker still loading has no connection to close.
    if (running.isReady && !running.requests.failure) {
      await running.requests.send({ op: "close" }).catch(() => {});
    }
    await running.worker.terminate();
  }

  private start(): RunningWorker {
    const database = this.shareDatabase();
    const workerData: UpdateLogWorkerData = { database, niceness: WRITER_NICENESS };
    const worker = startTypeScriptWorker(WORKER_ENTRY, {
      workerData,
      transferList: database.kind === "pglite" ? [database.port] : [],
      // Batches are small and short-lived: a smaller young generation keeps resident memory down.
      resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GENERATION_MB },
    });
    const requests = new ThreadRequests<UpdateLogRequest>((request, transfer) =>
      worker.postMessage(request, transfer),
    );
    const running: RunningWorker = {
      worker,
      requests,
      ready: requests.ready() as Promise<WarmUpReport>,
      isReady: false,
    };
    const failed = (error: Error) => {
      requests.fail(error);
      if (this.running === running) this.running = null;
    };
    running.ready.then(
      () => {
        running.isReady = true;
      },
      (error: Error) => {
        failed(error);
        void worker.terminate();
      },
    );
    worker.on("message", (response: ThreadResponse) => requests.settle(response));
    worker.on("error", failed);
    worker.on("exit", (code) => failed(new Error(`The update log's writer thread exited (${code})`)));
    return running;
  }
}
