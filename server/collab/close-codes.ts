/**
 * WebSocket close codes of the collaboration endpoint. 4xxx mirror the HTTP status a client would
 * recognise; browsers show neither status nor headers of a refused upgrade, so refusals are sent as
 * close codes on an accepted socket.
 */
export const CloseCode = {
  /** Normal server shutdown or restart: the client should reconnect. */
  goingAway: 1001,
  /** ws closes with this itself when a frame exceeds maxPayload. */
  messageTooBig: 1009,
  malformedMessage: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  unknownStatement: 4404,
  /** More sent while the statement was loading than a client has reason to send. */
  tooManyMessages: 4429,
  internalError: 4500,
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
