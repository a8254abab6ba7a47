import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { QueryOptions, Results } from "@electric-sql/pglite";
import type {
  PgliteThreadOptions,
  SerializedDatabaseError,
  ThreadQueryOptions,
  ThreadRequest,
  ThreadResponse,
} from "./pglite-thread-protocol";

/* Resolved from the working directory, not import.meta.url, so Next's bundler leaves it alone. */
const WORKER_ENTRY = path.join(process.cwd(), "db", "pglite-worker.ts");

type Pending = { resolve(value: unknown): void; reject(error: Error): void };
type RequestBody = ThreadRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

/** The subset of PGlite's query surface that Drizzle's PGlite driver calls. */
interface Queryable {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
}

/**
 * PGlite running in a worker thread, behind the part of PGlite's interface that Drizzle uses
 * (`query`, `transaction`). Keeps PGlite's synchronous WebAssembly execution off the event loop
 * that relays keystrokes.
 */
export class PgliteThread implements Queryable {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (response: ThreadResponse) => this.settle(response));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`PGlite worker exited (${code})`)));
  }

  static async open(options: PgliteThreadOptions): Promise<PgliteThread> {
    const worker = new Worker(typeScriptBootstrap(WORKER_ENTRY), {
      eval: true,
      workerData: options,
      transferList: options.loadDataDir ? [options.loadDataDir] : [],
    });
    const thread = new PgliteThread(worker);
    await new Promise((resolve, reject) => thread.pending.set(0, { resolve, reject }));
    return thread;
  }

  async query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    return this.request({ op: "query", sql, params, options: threadQueryOptions(options) }) as Promise<
      Results<T>
    >;
  }

  /** Runs `work` in one transaction; other queries wait until it ends, as in PGlite. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const tx = (await this.request({ op: "begin" })) as number;
    const scoped: Queryable = {
      query: async <R>(sql: string, params: unknown[] = [], options?: QueryOptions) =>
        this.request({ op: "query", sql, params, options: threadQueryOptions(options), tx }) as Promise<
          Results<R>
        >,
    };
    let result: T;
    try {
      result = await work(scoped);
    } catch (error) {
      await this.request({ op: "end", tx, commit: false });
      throw error;
    }
    await this.request({ op: "end", tx, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await this.request({ op: "close" });
    await this.worker.terminate();
  }

  private request(body: RequestBody): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id });
    });
  }

  private settle(response: ThreadResponse): void {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    this.pending.delete(response.id);
    if (response.ok) waiting.resolve(response.value);
    else waiting.reject(toDatabaseError(response.error));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
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

function toDatabaseError({ message, fields }: SerializedDatabaseError): Error {
  return Object.assign(new Error(message), fields);
}

/*
 * Node 20 does not pass tsx's module hooks on to worker threads (not even with `--import tsx` in
 * the worker's execArgv), so the worker registers tsx itself before loading its TypeScript entry.
 */
function typeScriptBootstrap(entry: string): string {
  // Evaluated code resolves bare specifiers from the working directory, like WORKER_ENTRY.
  return [
    'const { register } = await import("tsx/esm/api");',
    "register();",
    `await import(${JSON.stringify(pathToFileURL(entry).href)});`,
  ].join("\n");
}
