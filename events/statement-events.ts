import { EventEmitter } from "node:events";
import type { StatementEvent } from "../contracts/events";

export type { StatementEvent, StatementEventKind } from "../contracts/events";

/*
 * One bus per process, shared by the collaboration server and the Next.js routes (which are
 * bundled as separate module copies), hence kept on globalThis under a registry symbol. With
 * several nodes, a relay (Redis pub/sub, see server/collab/relay/) carries each event published
 * here to the other nodes, which deliver it to their own listeners.
 */
const BUS = Symbol.for("beredning.statement-events");
const RELAY = Symbol.for("beredning.statement-events.relay");
type GlobalWithBus = typeof globalThis & {
  [BUS]?: EventEmitter;
  [RELAY]?: (event: StatementEvent) => void;
};

function bus(): EventEmitter {
  const global = globalThis as GlobalWithBus;
  if (!global[BUS]) {
    global[BUS] = new EventEmitter();
    // Every open statement page holds one listener; the default limit of 10 is for leak detection.
    global[BUS].setMaxListeners(0);
  }
  return global[BUS];
}

export function publishStatementEvent(event: StatementEvent): void {
  bus().emit(event.statementId, event);
  (globalThis as GlobalWithBus)[RELAY]?.(event);
}

/** Several nodes: `relay` carries every event published in this process to the other nodes. */
export function relayStatementEvents(relay: ((event: StatementEvent) => void) | undefined): void {
  (globalThis as GlobalWithBus)[RELAY] = relay;
}

/** An event another node published: delivered to this process's listeners, not relayed again. */
export function deliverRelayedStatementEvent(event: StatementEvent): void {
  bus().emit(event.statementId, event);
}

export function subscribeToStatement(
  statementId: string,
  listener: (event: StatementEvent) => void,
): () => void {
  bus().on(statementId, listener);
  return () => bus().off(statementId, listener);
}
