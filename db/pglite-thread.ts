import path from "node:path";
import { MessageChannel, type MessagePort, type Worker } from "node:worker_threads";
import type { QueryOptions, Results } from "@electric-sql/pglite";
import type { PgliteThreadOptions, ThreadQueryOptions, ThreadRequest } from "./pglite-thread-protocol";
import { ThreadRequests, type ThreadResponse } from "./thread-messages";
import { startTypeScriptWorker } from "./worker-threads";

/* Resolved from the working directory, not import.meta.url, so Next's bundler leaves it alone. */
const WORKER_ENTRY = path.join(process.cwd(), "db", "pglite-worker.ts");

/** The subset of PGlite's query surface that Drizzle's PGlite driver calls. */
interface Queryable {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
}

/** Where requests go: the worker itself, or a port to it that another thread was given. */
type Endpoint = Worker | MessagePort;

/**
 * PGlite running in a worker thread, behind the part of PGlite's interface that Drizzle uses
 * (`query`, `transaction`). Keeps PGlite's synchronous WebAssembly execution off the event loop
 * that relays keystrokes. Other threads of the process reach the same PGlite through a port
 * (`sharePort`, `overPort`): one process may open a PGlite folder only once.
 */
export class PgliteThread implements Queryable {
  private readonly requests: ThreadRequests<ThreadRequest>;

  private constructor(
    private readonly endpoint: Endpoint,
    private readonly ownsWorker: boolean,
  ) {
    this.requests = new ThreadRequests((request, transfer) => endpoint.postMessage(request, transfer));
    endpoint.on("message", (response: ThreadResponse) => this.requests.settle(response));
  }

  static async open(options: PgliteThreadOptions): Promise<PgliteThread> {
    const worker = startTypeScriptWorker(WORKER_ENTRY, {
      workerData: options,
      transferList: options.loadDataDir ? [options.loadDataDir] : [],
    });
    const thread = new PgliteThread(worker, true);
    worker.on("error", (error) => thread.requests.fail(error));
    worker.on("exit", (code) => thread.requests.fail(new Error(`PGlite worker exited (${code})`)));
    await thread.requests.ready();
    return thread;
  }

  /** The PGlite behind a port from `sharePort`, for use in the thread the port was sent to. */
  static overPort(port: MessagePort): PgliteThread {
    const thread = new PgliteThread(port, false);
    port.on("close", () => thread.requests.fail(new Error("The port to the PGlite worker was closed")));
    return thread;
  }

  /** A new port to this PGlite, to be transferred to another thread of this process. */
  sharePort(): MessagePort {
    if (!this.ownsWorker) throw new Error("Only the thread that started the PGlite worker shares it");
    const { port1, port2 } = new MessageChannel();
    this.requests.send({ op: "connect", port: port2 }, [port2]).catch(() => {
      // The worker is gone: the port's holder learns it from its first request.
    });
    return port1;
  }

  async query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    return this.requests.send({ op: "query", sql, params, options: threadQueryOptions(options) }) as Promise<
      Results<T>
    >;
  }

  /** Runs `work` in one transaction; other queries wait until it ends, as in PGlite. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const tx = (await this.requests.send({ op: "begin" })) as number;
    const scoped: Queryable = {
      query: async <R>(sql: string, params: unknown[] = [], options?: QueryOptions) =>
        this.requests.send({ op: "query", sql, params, options: threadQueryOptions(options), tx }) as Promise<
          Results<R>
        >,
    };
    let result: T;
    try {
      result = await work(scoped);
    } catch (error) {
      await this.requests.send({ op: "end", tx, commit: false });
      throw error;
    }
    await this.requests.send({ op: "end", tx, commit: true });
    return result;
  }

  /** Closes PGlite, or, over a shared port, only this thread's way to it. */
  async close(): Promise<void> {
    if (this.requests.failure) return;
    if (!this.ownsWorker) {
      (this.endpoint as MessagePort).close();
      return;
    }
    await this.requests.send({ op: "close" });
    await (this.endpoint as Worker).terminate();
  }
}

/*
 * Parser functions cannot cross threads. Drizzle passes identity parsers only (it parses dates,
 * timestamps and intervals itself), so the worker is told which types to leave as text; anything
 * else would silently change results, hence the check.
 */
function threadQueryOptions(options: QueryOptions | undefined): ThreadQueryOptions {
  const rawTypes: number[] = [];
  for (const [oid, parse] of Object.entries(options?.parsers ?? {})) {
    if (parse("2026-01-01", Number(oid)) !== "2026-01-01") {
      throw new Error(`The PGlite worker supports identity parsers only (type ${oid})`);
    }
    rawTypes.push(Number(oid));
  }
  if (options?.serializers || options?.blob || options?.paramTypes) {
    throw new Error("The PGlite worker does not support serializers, blobs or paramTypes");
  }
  return { rowMode: options?.rowMode ?? "object", rawTypes };
}
