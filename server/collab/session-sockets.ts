import type { WebSocket } from "ws";
import type { SessionEndedBus } from "../../events/session-events";
import { CloseCode } from "./close-codes";

export interface SessionSocketsOptions {
  bus: SessionEndedBus;
  /** Asks whether a session is still open, bypassing any cache. */
  recheck: (sessionId: string) => Promise<boolean>;
  /** How often the sessions of open sockets are asked about again (expiry, other nodes' revocations). */
  recheckMs: number;
  onError: (error: unknown) => void;
}

/**
 * The open sockets of each sign-in session, closed with 4401 as soon as the session ends: at once
 * when the bus says so, and at the next periodic re-check when it expires or ends elsewhere.
 */
export class SessionSockets {
  private readonly bySession = new Map<string, Set<WebSocket>>();
  private readonly unsubscribe: () => void;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: SessionSocketsOptions) {
    this.unsubscribe = options.bus.subscribe((ids) => this.close(ids));
    this.timer = setInterval(() => void this.recheckAll(), options.recheckMs);
    this.timer.unref();
  }

  add(sessionId: string, ws: WebSocket): void {
    let sockets = this.bySession.get(sessionId);
    if (!sockets) {
      sockets = new Set();
      this.bySession.set(sessionId, sockets);
    }
    sockets.add(ws);
    ws.once("close", () => {
      sockets.delete(ws);
      if (sockets.size === 0 && this.bySession.get(sessionId) === sockets) this.bySession.delete(sessionId);
    });
  }

  private close(sessionIds: string[]): void {
    for (const id of sessionIds) {
      for (const ws of this.bySession.get(id) ?? []) ws.close(CloseCode.unauthenticated, "Session ended");
    }
  }

  private async recheckAll(): Promise<void> {
    for (const id of [...this.bySession.keys()]) {
      try {
        if (!(await this.options.recheck(id))) this.close([id]);
      } catch (error) {
        this.options.onError(error);
      }
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.unsubscribe();
  }
}
