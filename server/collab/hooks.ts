import type * as Y from "yjs";
import type { Room, RoomMember } from "./room";

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

/**
 * Lifecycle hooks of a loaded statement, in the spirit of Hocuspocus' extensions: each concern
 * (the section guard, the approval watch, and later version history or a cross-process relay)
 * is a module of its own that a room calls at these points, in the order they were added.
 */
export interface RoomHooks {
  /**
   * Before a member's update is applied. Throwing refuses it: it is then not applied, relayed nor
   * logged, and the thrown ProtocolViolation closes the sender's socket.
   */
  beforeApply?(context: UpdateContext): void;
  /** After a member's update changed the document (applied, queued for relay and logged). */
  afterChange?(context: UpdateContext): void;
  /** Before the room unloads: finish pending work. */
  onUnload?(room: Room): Promise<void>;
}
