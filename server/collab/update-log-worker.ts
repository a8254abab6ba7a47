import { parentPort, workerData } from "node:worker_threads";
import { connectSharedDatabase, type Database } from "../../db/client";
import { appendUpdates } from "../../db/queries/documents";
import { type SerializedError, serializeError, type ThreadResponse } from "../../db/thread-messages";
import { lowerThisThreadsPriority } from "../../db/worker-threads";
import { mergeGroup, type PackedUpdateBatch, unpackGroups } from "./update-batch";
import type { UpdateLogRequest, UpdateLogWorkerData, WarmUpReport } from "./update-log-thread";
import { warmUpDatabaseWrites, warmUpMerging } from "./warm-up";

/*
 * The update log's writer thread (see update-log-thread.ts): merges each batch to a row per
 * statement and author and inserts the rows, in one statement, over a connection of its own.
 * Before it says it is ready, it warms up that work.
 */

const port = parentPort;
if (!port) throw new Error("server/collab/update-log-worker.ts runs as a worker thread only");

const { database, niceness } = workerData as UpdateLogWorkerData;
lowerThisThreadsPriority(niceness);

/** A failed warm-up is reported, but writes are still taken: they need no warm-up to be right. */
async function warmUp(db: Database): Promise<WarmUpReport> {
  try {
    return { ms: warmUpMerging() + (await warmUpDatabaseWrites(db)) };
  } catch (error) {
    const failure: SerializedError = serializeError(error);
    return { ms: 0, error: failure };
  }
}

/** Async, so that a batch that cannot be merged is answered as a failed write, not thrown. */
async function write(db: Database, batch: PackedUpdateBatch): Promise<void> {
  await appendUpdates(db, unpackGroups(batch).map(mergeGroup));
}

function reply(response: ThreadResponse): void {
  port?.postMessage(response);
}

try {
  const connection = await connectSharedDatabase(database);
  port.on("message", (request: UpdateLogRequest) => {
    const done = request.op === "write" ? write(connection.db, request.batch) : connection.close();
    done.then(
      () => reply({ id: request.id, ok: true, value: null }),
      (error: unknown) => reply({ id: request.id, ok: false, error: serializeError(error) }),
    );
  });
  reply({ id: 0, ok: true, value: await warmUp(connection.db) });
} catch (error) {
  reply({ id: 0, ok: false, error: serializeError(error) });
}
