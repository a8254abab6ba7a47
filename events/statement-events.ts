import { EventEmitter } from "node:events";
import type { StatementEvent } from "../contracts/events";

export type { StatementEvent, StatementEventKind } from "../contracts/events";

/*
 * One bus per process, shared by the collaboration server and the Next.js routes (which are
 * bundled as separate module copies), hence kept on globalThis under a registry symbol. When
 * several processes serve one database, this is where Redis pub/sub plugs in.
 */
const BUS = Symbol.for("beredning.statement-events");
type GlobalWithBus = typeof globalThis & { [BUS]?: EventEmitter };

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
}

export function subscribeToStatement(
  statementId: string,
  listener: (event: StatementEvent) => void,
): () => void {
  bus().on(statementId, listener);
  return () => bus().off(statementId, listener);
}
