import * as decoding from "lib0/decoding";
import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Actor } from "../../domain/access";
import type { PresenceIdentity } from "../../domain/presence";
import { applyAwarenessEntries, canChangeAwareness } from "./awareness";
import { CloseCode, ProtocolViolation } from "./close-codes";
import { type ConnectionLimitSettings, ConnectionLimits } from "./connection-limits";
import type { DecodedUpdate } from "./hooks";
import type { Logger } from "./logger";
import {
  type AwarenessEntry,
  type ClientMessage,
  decodeAwarenessUpdate,
  decodeClientMessage,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  isFromEmptyClient,
} from "./protocol";
import type { Room, RoomMember } from "./room";
import type { StoredStateHandoff } from "./stored-state-handoff";
import { frameMessages } from "./ws-frames";

/** Where a connection's frames go: the upgraded TCP socket. */
export interface FrameSink {
  write(frames: Uint8Array, callback: (error?: Error | null) => void): boolean;
}

/**
 * How many messages a client may send before its room is built. A page load sends two or three (its
 * sync step 1, its presence, perhaps a first keystroke); the cap keeps a client that floods a loading
 * statement from growing the queue without bound.
 */
const MAX_QUEUED_MESSAGES = 1000;

export interface ConnectionSettings {
  /** Most bytes held for the room while it loads (at least one message of the largest size). */
  maxQueuedBytes: number;
  maxMessageBytes: number;
  limits: ConnectionLimitSettings;
}

/** The awareness fields the editor uses (presence, caret, focused section); others are dropped. */
const AWARENESS_FIELDS = new Set(["user", "cursor", "section"]);

export interface ConnectionIdentity {
  userId: string;
  /** The user with their roles: which sections they may change is decided from these. */
  actor: Actor;
  /** False for granskare and for finalised statements: updates are read but never applied. */
  canWrite: boolean;
  presence: PresenceIdentity;
}

/**
 * One client's socket in one room. Frames are fully decoded and checked before anything touches
 * the document; any violation closes this connection only.
 */
export class CollabConnection implements RoomMember {
  /** Awareness client ids this connection speaks for: the first one it announces, only. */
  private readonly awarenessClientIds = new Set<number>();
  private room: Room | null = null;
  private readonly queued: Uint8Array[] = [];
  private queuedBytes = 0;
  /** The room's stored state, handed over while the room is built, for a sync step 1 yet to come. */
  private storedState: { handoff: StoredStateHandoff; syncStep2: Uint8Array } | null = null;
  /** The load whose stored state answered this client's sync step 1 before the room was built. */
  private answeredFrom: StoredStateHandoff | null = null;
  private closed = false;
  private readonly limits: ConnectionLimits;

  constructor(
    private readonly socket: WebSocket,
    /**
     * The TCP stream under `socket`: messages are framed here and written to it directly (see
     * ws-frames.ts), several at once in one write.
     */
    private readonly stream: FrameSink,
    readonly identity: ConnectionIdentity,
    private readonly logger: Logger,
    private readonly settings: ConnectionSettings,
  ) {
    this.limits = new ConnectionLimits(settings.limits, settings.maxMessageBytes);
    socket.binaryType = "nodebuffer";
    socket.on("message", (data, isBinary) => this.receive(data as Buffer, isBinary));
  }

  get userId(): string {
    return this.identity.userId;
  }

  get actor(): Actor {
    return this.identity.actor;
  }

  /** Joins the room: messages that arrived while it was loading are handled now, in order. */
  attach(room: Room): void {
    this.room = room;
    this.storedState = null;
    room.join(this);
    const greeting = [encodeSyncStep1(room.doc)];
    if (this.answeredFrom && !room.isUnchangedSince(this.answeredFrom)) {
      // The early answer missed what changed before this client joined: rare, so send it all again.
      greeting.push(room.syncStep2ForNewClient());
    }
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) {
      greeting.push(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, states)));
    }
    this.send(...greeting);
    this.queuedBytes = 0;
    for (const data of this.queued.splice(0)) this.handle(data);
  }

  /** Leaves the room, removing the presence this connection announced. */
  detach(): Room | null {
    const room = this.room;
    if (!room) return null;
    room.leave(this);
    awarenessProtocol.removeAwarenessStates(room.awareness, [...this.awarenessClientIds], null);
    this.room = null;
    return room;
  }

  /**
   * Answers this client's sync step 1 from the stored state while the room is still being built,
   * if it holds nothing yet (a page load); otherwise it is answered from the document once built.
   * Resolves once the answer is written, or at once when there is none; never rejects.
   */
  answerFromStoredState(handoff: StoredStateHandoff, syncStep2: Uint8Array): Promise<void> {
    if (this.room || this.closed || this.answeredFrom) return Promise.resolve();
    const index = this.queued.findIndex(isEmptyClientSyncStep1);
    if (index < 0) {
      this.storedState = { handoff, syncStep2 };
      return Promise.resolve();
    }
    this.queued.splice(index, 1);
    return this.sendStoredState(handoff, syncStep2);
  }

  private sendStoredState(handoff: StoredStateHandoff, syncStep2: Uint8Array): Promise<void> {
    this.answeredFrom = handoff;
    this.storedState = null;
    return new Promise((resolve) => this.write(frameMessages([syncStep2]).whole, resolve));
  }

  send(...messages: Uint8Array[]): void {
    this.sendFrames(frameMessages(messages).whole);
  }

  sendFrames(frames: Uint8Array): void {
    this.write(frames);
  }

  /**
   * Writes frames; a failed write closes the connection. `written` is called once they are written
   * (or not sent). No promise nor closure per write: this runs for every keystroke at every client.
   * Nothing is written once ws has begun closing: a frame after its close frame breaks the protocol.
   */
  private write(frames: Uint8Array, written?: () => void): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) {
      written?.();
      return;
    }
    const afterWrite = written
      ? (error?: Error | null) => {
          this.afterWrite(error);
          written();
        }
      : this.afterWrite;
    this.stream.write(frames, afterWrite);
  }

  private readonly afterWrite = (error?: Error | null): void => {
    if (error) this.close(CloseCode.internalError, "Send failed");
  };

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) {
      this.close(CloseCode.malformedMessage, "Text frames are not part of the protocol");
      return;
    }
    const over = this.limits.admit(data.byteLength);
    if (over) {
      this.logger.warn("connection over a limit", { userId: this.userId, reason: over });
      this.close(CloseCode.tooManyMessages, over);
      return;
    }
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (this.room) this.handle(bytes);
    else if (this.storedState && isEmptyClientSyncStep1(bytes)) {
      void this.sendStoredState(this.storedState.handoff, this.storedState.syncStep2);
    } else this.enqueue(bytes);
  }

  private enqueue(bytes: Uint8Array): void {
    this.queuedBytes += bytes.byteLength;
    if (this.queued.length >= MAX_QUEUED_MESSAGES || this.queuedBytes > this.settings.maxQueuedBytes) {
      this.logger.warn("too many messages while the room loads", {
        userId: this.userId,
        messages: this.queued.length + 1,
        bytes: this.queuedBytes,
      });
      this.queued.length = 0;
      this.close(CloseCode.tooManyMessages, "Too many messages before the statement was loaded");
      return;
    }
    this.queued.push(bytes);
  }

  private handle(data: Uint8Array): void {
    if (this.closed || !this.room) return;
    try {
      this.dispatch(this.room, decodeClientMessage(data));
    } catch (error) {
      if (error instanceof ProtocolViolation) {
        this.logger.warn("protocol violation", { userId: this.userId, reason: error.reason });
        this.close(error.code, error.reason);
      } else {
        this.logger.error("message handling failed", { userId: this.userId, error: String(error) });
        this.close(CloseCode.internalError, "Internal error");
      }
    }
  }

  private dispatch(room: Room, message: ClientMessage): void {
    switch (message.kind) {
      case "syncStep1":
        this.assertStateVectorSize(message.stateVector);
        this.send(
          isFromEmptyClient(message)
            ? room.syncStep2ForNewClient()
            : encodeSyncStep2(room.doc, message.stateVector),
        );
        return;
      case "syncStep2":
      case "update":
        this.applyDocumentUpdate(room, message.update, message.kind);
        return;
      case "awareness":
        this.applyAwareness(room, message.update);
        return;
      case "queryAwareness":
        this.send(
          encodeAwarenessMessage(
            awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]),
          ),
        );
        return;
    }
  }

  /** A state vector is a count, then an entry per Yjs client: one count past the limit is refused unread. */
  private assertStateVectorSize(stateVector: Uint8Array): void {
    const max = this.settings.limits.maxStateVectorEntries;
    if (max === 0) return;
    let entries: number;
    try {
      entries = decoding.readVarUint(decoding.createDecoder(stateVector));
    } catch {
      throw new ProtocolViolation(CloseCode.malformedMessage, "Malformed state vector");
    }
    if (entries > max) throw new ProtocolViolation(CloseCode.malformedMessage, "State vector too large");
  }

  private applyDocumentUpdate(room: Room, update: Uint8Array, kind: "update" | "syncStep2"): void {
    const decoded = decodeUpdate(update);
    if (!this.identity.canWrite) {
      // Read-only clients still send their (unchanged or locally diverged) state; it is never applied.
      return;
    }
    room.applyClientUpdate(update, decoded, this, kind);
  }

  /**
   * Presence is pinned to the authenticated user: identity fields are overwritten with the
   * server's, and a connection speaks only for the one awareness client id it claimed. Entries for
   * other ids are dropped, not refused: y-websocket clients echo every state they receive. Once a
   * connection speaks for its id, those echoes change nothing, so they are dropped before their
   * state is even parsed. Until then every entry is read: its first one claims its id, even at the
   * clock 0 that changes no state, and must do so before an echo could take over another one.
   */
  private applyAwareness(room: Room, update: Uint8Array): void {
    const own = decodeAwarenessUpdate(
      update,
      (clientId, clock, maybeRemoval) =>
        this.awarenessClientIds.size === 0 ||
        canChangeAwareness(room.awareness, clientId, clock, maybeRemoval),
      this.settings.limits.maxAwarenessStateBytes,
    ).filter((entry) => this.speaksFor(room, entry));
    if (own.length === 0) return;
    for (const entry of own) {
      if (!entry.state) continue;
      for (const field of Object.keys(entry.state))
        if (!AWARENESS_FIELDS.has(field)) delete entry.state[field];
      entry.state.user = { ...this.identity.presence };
    }
    applyAwarenessEntries(room.awareness, own, this);
  }

  private speaksFor(room: Room, entry: AwarenessEntry): boolean {
    if (this.awarenessClientIds.has(entry.clientId)) return true;
    const holder = this.otherHolderOf(room, entry.clientId);
    if (holder) {
      // The same user reconnecting before the server noticed the old socket die takes its id over.
      if (holder.userId !== this.userId || this.awarenessClientIds.size > 0) return false;
      holder.awarenessClientIds.delete(entry.clientId);
      this.awarenessClientIds.add(entry.clientId);
      return true;
    }
    // An unheld id is claimed only as news (a clock the room has not seen), never from an echo.
    const known = room.awareness.meta.get(entry.clientId);
    if (this.awarenessClientIds.size > 0 || entry.state === null || (known && known.clock >= entry.clock))
      return false;
    this.awarenessClientIds.add(entry.clientId);
    return true;
  }

  private otherHolderOf(room: Room, clientId: number): CollabConnection | null {
    for (const member of room.memberList) {
      if (member instanceof CollabConnection && member !== this && member.awarenessClientIds.has(clientId))
        return member;
    }
    return null;
  }
}

/** Decodes a Yjs update once, for the guards and checks; a malformed one closes the socket with 4400. */
function decodeUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch {
    throw new ProtocolViolation(CloseCode.malformedMessage, "Malformed document update");
  }
}

/** A raw frame that is a sync step 1 from a client holding nothing; a malformed one is not (it is refused later). */
function isEmptyClientSyncStep1(data: Uint8Array): boolean {
  try {
    return isFromEmptyClient(decodeClientMessage(data));
  } catch {
    return false;
  }
}
