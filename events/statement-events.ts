import { EventEmitter } from "node:events";
import type { StatementEvent } from "../contracts/events";

export type { StatementEvent, StatementEventKind } from "../contracts/events";

/**
 * Tells open statement pages and loaded rooms that a statement's workflow state changed. The
 * composition root (server/app.ts) creates one per process: in-process here, or carried between
 * nodes over Redis (server/collab/relay/redis-buses.ts).
 */
export interface StatementEventBus {
  publish(event: StatementEvent): void;
  subscribe(statementId: string, listener: (event: StatementEvent) => void): () => void;
}

/** The bus within one process; also the local half of the Redis-backed one. */
export function inProcessStatementEvents(): StatementEventBus {
  const emitter = new EventEmitter();
  // Every open statement page holds one listener; the default limit of 10 is for leak detection.
  emitter.setMaxListeners(0);
  return {
    publish: (event) => emitter.emit(event.statementId, event),
    subscribe(statementId, listener) {
      emitter.on(statementId, listener);
      return () => emitter.off(statementId, listener);
    },
  };
}
