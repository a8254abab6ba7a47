import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { pgliteByteaCodec } from "./pglite-bytea";
import type { PgliteThreadOptions, ThreadQueryOptions, ThreadRequest } from "./pglite-thread-protocol";
import { serializeError, type ThreadResponse } from "./thread-messages";
import { lowerThisThreadsPriority } from "./worker-threads";

/*
 * The worker thread that owns PGlite. PGlite executes every statement synchronously in
 * WebAssembly; here that blocks this thread only, not the event loop relaying keystrokes.
 */

interface OpenTransaction {
  tx: Transaction;
  finish(commit: boolean): void;
}

/** The reason a transaction is rolled back on request: not an error to report. */
const REQUESTED_ROLLBACK = new Error("rollback requested");

const port = parentPort;
if (!port) throw new Error("db/pglite-worker.ts runs as a worker thread only");

const options = workerData as PgliteThreadOptions;
lowerThisThreadsPriority(options.niceness);
const pglite = new PGlite({
  dataDir: options.dataDir,
  loadDataDir: options.loadDataDir ? new Blob([options.loadDataDir]) : undefined,
  ...pgliteByteaCodec,
});
const transactions = new Map<number, OpenTransaction>();
/** How each transaction ended: PGlite's transaction() promise, rejected when COMMIT fails. */
const outcomes = new Map<number, Promise<void>>();
let nextTransactionId = 1;

const identity = (value: string) => value;

function queryOptions({ rowMode, rawTypes }: ThreadQueryOptions) {
  return { rowMode, parsers: Object.fromEntries(rawTypes.map((oid) => [oid, identity])) };
}

async function query(request: Extract<ThreadRequest, { op: "query" }>) {
  const target = request.tx === undefined ? pglite : transactions.get(request.tx)?.tx;
  if (!target) throw new Error(`No open transaction ${request.tx}`);
  const { rows, fields, affectedRows } = await target.query(
    request.sql,
    request.params,
    queryOptions(request.options),
  );
  return { rows, fields, affectedRows };
}

/** Opens a transaction and holds it (and PGlite's transaction lock) until "end" arrives. */
function begin(): Promise<number> {
  const id = nextTransactionId++;
  return new Promise<number>((opened, failed) => {
    const outcome = pglite.transaction(
      (tx) =>
        new Promise<void>((commit, rollback) => {
          const finish = (shouldCommit: boolean) => (shouldCommit ? commit() : rollback(REQUESTED_ROLLBACK));
          transactions.set(id, { tx, finish });
          opened(id);
        }),
    );
    outcomes.set(id, outcome);
    // BEGIN failing rejects the opening; later failures are reported by "end".
    outcome.catch(failed);
  });
}

async function end({ tx, commit }: Extract<ThreadRequest, { op: "end" }>) {
  const open = transactions.get(tx);
  const outcome = outcomes.get(tx);
  if (!open || !outcome) throw new Error(`No open transaction ${tx}`);
  transactions.delete(tx);
  outcomes.delete(tx);
  open.finish(commit);
  await outcome.catch((error: unknown) => {
    if (error !== REQUESTED_ROLLBACK) throw error;
  });
  return null;
}

function handle(request: ThreadRequest): Promise<unknown> {
  switch (request.op) {
    case "query":
      return query(request);
    case "begin":
      return begin();
    case "end":
      return end(request);
    case "close":
      return pglite.close().then(() => null);
    case "connect":
      serve(request.port);
      return Promise.resolve(null);
  }
}

function reply(to: MessagePort, response: ThreadResponse): void {
  try {
    to.postMessage(response);
  } catch (error) {
    // A result that cannot be cloned must still answer its request, or the caller waits forever.
    to.postMessage({ id: response.id, ok: false, error: serializeError(error) } satisfies ThreadResponse);
  }
}

/** Answers each request on the port it came in on: the main thread's, or another thread's. */
function serve(requests: MessagePort): void {
  requests.on("message", (request: ThreadRequest) => {
    handle(request).then(
      (value) => reply(requests, { id: request.id, ok: true, value }),
      (error: unknown) => reply(requests, { id: request.id, ok: false, error: serializeError(error) }),
    );
  });
}

serve(port);

pglite.waitReady.then(
  () => port.postMessage({ id: 0, ok: true, value: "ready" } satisfies ThreadResponse),
  (error: unknown) =>
    port.postMessage({ id: 0, ok: false, error: serializeError(error) } satisfies ThreadResponse),
);
