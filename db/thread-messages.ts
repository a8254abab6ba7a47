import type { Transferable } from "node:worker_threads";

/*
 * Requests to a worker thread and its answers, matched by id. Both ends are this codebase, so the
 * shapes are typed, not validated. Id 0 is the worker's answer that it is ready.
 */

export interface SerializedError {
  message: string;
  /** The error's primitive fields (for a database error PostgreSQL's code, detail, constraint, ...). */
  fields: Record<string, unknown>;
  /** What the error wraps (Drizzle wraps the driver's error, which carries PostgreSQL's code). */
  cause?: SerializedError;
}

export type ThreadResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

/** An error as it can cross threads: functions, causes and the like do not clone. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
  }
  const cause = error.cause === undefined ? undefined : serializeError(error.cause);
  return { message: error.message, fields, ...(cause && { cause }) };
}

export function deserializeError({ message, fields, cause }: SerializedError): Error {
  const error = new Error(message, cause && { cause: deserializeError(cause) });
  return Object.assign(error, fields);
}

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

/** The requester's side: numbers requests, and settles each when its answer (or a failure) comes. */
export class ThreadRequests<Request extends { id: number }> {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failed: Error | null = null;

  constructor(private readonly post: (request: Request, transfer: Transferable[]) => void) {}

  /** Set once the thread is gone; every later request rejects with it. */
  get failure(): Error | null {
    return this.failed;
  }

  /** Resolves when the worker answers id 0. */
  ready(): Promise<unknown> {
    return new Promise((resolve, reject) => this.pending.set(0, { resolve, reject }));
  }

  send(body: DistributiveOmit<Request, "id">, transfer: Transferable[] = []): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A body of one of Request's members plus its id is that member again.
      this.post({ ...body, id } as unknown as Request, transfer);
    });
  }

  settle(response: ThreadResponse): void {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    this.pending.delete(response.id);
    if (response.ok) waiting.resolve(response.value);
    else waiting.reject(deserializeError(response.error));
  }

  fail(error: Error): void {
    this.failed ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
