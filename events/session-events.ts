import { EventEmitter } from "node:events";

/**
 * Tells whoever holds a session open (the collaboration server's sockets, cached session checks)
 * that sessions have ended. The composition root creates one per process: in-process here, or
 * carried between nodes over Redis (server/collab/relay/redis-buses.ts).
 */
export interface SessionEndedBus {
  publish(sessionIds: string[]): void;
  subscribe(listener: (sessionIds: string[]) => void): () => void;
}

/** The bus within one process; also the local half of the Redis-backed one. */
export function inProcessSessionEvents(): SessionEndedBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (sessionIds) => emitter.emit("ended", sessionIds),
    subscribe(listener) {
      emitter.on("ended", listener);
      return () => emitter.off("ended", listener);
    },
  };
}
