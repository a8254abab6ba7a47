/**
 * WebSocket close codes of the collaboration endpoint. 4xxx mirror the HTTP status a client would
 * recognise; browsers show neither status nor headers of a refused upgrade, so refusals are sent as
 * close codes on an accepted socket.
 */
export const CloseCode = {
  /** Normal server shutdown or restart: the client should reconnect. */
  goingAway: 1001,
  /**
   * An update depends on structs the server does not hold: the client reconnects (y-websocket
   * does for codes outside 4400–4499) and its sync step 2 then carries everything missing.
   */
  resync: 4009,
  /** ws closes with this itself when a frame exceeds maxPayload. */
  messageTooBig: 1009,
  malformedMessage: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  unknownStatement: 4404,
  /** Over a per-connection limit (see server/config.ts), or too much sent while the statement loaded. */
  tooManyMessages: 4429,
  internalError: 4500,
  /**
   * The statement is not loaded on this node and Redis, which says which other nodes hold it, is
   * unreachable: the client tries again (y-websocket reconnects by itself).
   */
  tryAgain: 4503,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Raised while handling one message: the connection is closed with this code and reason. */
export class ProtocolViolation extends Error {
  constructor(
    readonly code: CloseCodeValue,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** A room cannot be loaded now, but can later (Redis unreachable): closed with `tryAgain`. */
export class TryAgainLater extends Error {}
