import { EventEmitter } from "node:events";

/**
 * Tells whoever holds a session open (the collaboration server's sockets, cached session checks)
 * that sessions have ended. One in-process bus, shared by the collaboration server and the Next.js
 * routes (separate module copies) on globalThis; a Redis-backed bus for several nodes implements
 * the same interface.
 */
export interface SessionEndedBus {
  publish(sessionIds: string[]): void;
  subscribe(listener: (sessionIds: string[]) => void): () => void;
}

const BUS = Symbol.for("beredning.session-events");
type GlobalWithBus = typeof globalThis & { [BUS]?: SessionEndedBus };

function inProcessBus(): SessionEndedBus {
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

export function sessionEndedBus(): SessionEndedBus {
  const global = globalThis as GlobalWithBus;
  global[BUS] ??= inProcessBus();
  return global[BUS];
}
