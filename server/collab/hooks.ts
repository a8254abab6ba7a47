import type { IncomingMessage } from "node:http";
import type * as Y from "yjs";
import { CloseCode, type CloseCodeValue } from "./close-codes";
import type { ConnectionIdentity } from "./connection";
import type { Room, RoomMember } from "./room";

/*
 * The collaboration server's lifecycle hooks, in the spirit of Hocuspocus' extensions. Each concern
 * is a module of its own that the server calls at these points, in the order the hooks were added:
 *
 *   onUpgrade     a client asks for a socket      (ConnectionHooks: the session check, later ones)
 *   onLoad        a room's document was loaded    (approval watch, version keeper, authorship)
 *   beforeApply   a member's update arrives       (section guard; throwing refuses it)
 *   afterChange   it changed the document         (approval watch, version keeper, authorship)
 *   onStore       the room's state is stored      (compaction into the DocumentStore)
 *   onUnload      the room is about to unload     (each concern finishes its pending work)
 *
 * The document itself is read from, and its updates logged to, a DocumentStore (document-store.ts).
 */

/** A client admitted to open a socket: to which statement, in which session, as whom. */
export interface Admission {
  statementId: string;
  sessionId: string;
  identity: ConnectionIdentity;
}

/** A client refused a socket: it is closed at once with this code and reason. */
export interface UpgradeRefusal {
  code: CloseCodeValue;
  reason: string;
}

export type UpgradeDecision = ({ ok: true } & Admission) | ({ ok: false } & UpgradeRefusal);

/** Hooks of a client's socket, before it joins any room. */
export interface ConnectionHooks {
  /**
   * Decides whether a client's socket opens. Hooks run in order: the first one authorises (it is
   * given no admission, and finds who the client is and which statement it asks for); each later one
   * is given the admission so far and passes it on or refuses. The first refusal closes the socket.
   */
  onUpgrade(request: IncomingMessage, admitted: Admission | null): Promise<UpgradeDecision>;
}

/** Runs the connection hooks in order; with none, every client is refused. */
export async function decideUpgrade(
  hooks: readonly ConnectionHooks[],
  request: IncomingMessage,
): Promise<UpgradeDecision> {
  let admitted: Admission | null = null;
  for (const hook of hooks) {
    const decision = await hook.onUpgrade(request, admitted);
    if (!decision.ok) return decision;
    admitted = {
      statementId: decision.statementId,
      sessionId: decision.sessionId,
      identity: decision.identity,
    };
  }
  return admitted
    ? { ok: true, ...admitted }
    : { ok: false, code: CloseCode.internalError, reason: "No authorisation" };
}

/** A decoded Yjs update: its structs and delete set, decoded once per message. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** A client's update, on its way into a room's document. */
export interface UpdateContext {
  readonly room: Room;
  readonly member: RoomMember;
  readonly update: Uint8Array;
  readonly decoded: DecodedUpdate;
  readonly kind: "update" | "syncStep2";
}

/** Hooks of a loaded statement (a room). Every one is optional. */
export interface RoomHooks {
  /**
   * Once the room's document is loaded from the DocumentStore, before any client joins: read what
   * the hook needs (approvals, known authors). A rejection fails the load; no client joins it.
   */
  onLoad?(room: Room): Promise<void>;
  /**
   * Before a member's update is applied. Throwing refuses it: it is then not applied, relayed nor
   * logged, and the thrown ProtocolViolation closes the sender's socket.
   */
  beforeApply?(context: UpdateContext): void;
  /** After a member's update changed the document (applied, queued for relay and logged). */
  afterChange?(context: UpdateContext): void;
  /**
   * Stores the room's state: after every `compactEvery` logged updates, and at unload when any
   * were logged since. Runs at most once at a time per room; a rejection is logged and the store
   * is tried again at the next occasion.
   */
  onStore?(room: Room): Promise<void>;
  /** Before the room unloads (before its last store): finish pending work. */
  onUnload?(room: Room): Promise<void>;
}
