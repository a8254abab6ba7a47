import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import * as Y from "yjs";
import { recheckSession } from "../../auth/session-check";
import type { Database } from "../../db/client";
import { isValidAnchor } from "../../editor/comment-anchors";
import { replaceFragmentContent } from "../../editor/section-content";
import type { SessionEndedBus } from "../../events/session-events";
import type { StatementEventBus } from "../../events/statement-events";
import type { FreezeOutcome, StatementDocuments } from "../../workflow/statement-documents";
import { sessionAuthorization } from "./authorize";
import { CloseCode, TryAgainLater } from "./close-codes";
import { CollabConnection } from "./connection";
import type { ConnectionLimitSettings } from "./connection-limits";
import { DatabaseDocumentStore } from "./database-document-store";
import type { DocumentStore } from "./document-store";
import { Heartbeat } from "./heartbeat";
import { type ConnectionHooks, decideUpgrade, type RoomHooks } from "./hooks";
import type { Logger } from "./logger";
import { exposedFullCollections, MemoryRelease } from "./memory-release";
import { RefusalAudit, recordRepeatedRefusals } from "./refusal-audit";
import type { Room } from "./room";
import { RoomRegistry, type RoomRelay } from "./rooms";
import { captureStatement, sectionParagraphs, snapshotSections } from "./section-snapshots";
import { SessionSockets } from "./session-sockets";
import { UpdateLog } from "./update-log";
import type { UpdateLogWriter } from "./update-log-writer";
import { warmUpYjs } from "./warm-up";

/** What is plugged into the collaboration server besides its own concerns (see hooks.ts). */
export interface CollabExtensions {
  /** Run after the session check, in order; any may refuse the socket. */
  connectionHooks?: ConnectionHooks[];
  /** Made for each room as it loads, and added after the server's own hooks. */
  roomHooks?: (room: Room) => RoomHooks[];
  /** Where documents are read and updates logged; by default the app's database (`db`). */
  store?: DocumentStore;
}

export interface CollabServerOptions extends ConnectionLimitSettings {
  db: Database;
  /**
   * Where the database store's update log writes its batches; closed by whoever opened it, after
   * `close()`. Unused when `extensions.store` is given.
   */
  updateLogWriter: UpdateLogWriter;
  extensions?: CollabExtensions;
  /** Several nodes: shares rooms with the other nodes, and compacts under their common lease. */
  relay?: RoomRelay;
  /** Where approval changes are announced and status changes followed. */
  statementEvents: StatementEventBus;
  /** Ended sessions, whose sockets are closed with 4401. */
  sessionEvents: SessionEndedBus;
  authSecret: string;
  logger: Logger;
  /** Frames above this close the connection with 1009. */
  maxMessageBytes: number;
  flushDelayMs: number;
  /** Least time between two timed writes of the update log (see UpdateLog). */
  writeIntervalMs: number;
  unloadGraceMs: number;
  compactEvery: number;
  /** How soon after an edit its section's approvals are checked for staleness. */
  staleCheckMs: number;
  /** Sockets that miss a ping for this long are terminated. */
  heartbeatMs: number;
  /** How often open sockets' sessions are asked about again: expiry, and endings the bus missed. */
  sessionRecheckMs: number;
  /** Refused updates of one account in one statement audited together (see RefusalAudit). */
  refusalsAuditedAfter: number;
  /** A version is taken after editing pauses this long, at most once per `versionIntervalMs`. */
  versionQuietMs: number;
  versionIntervalMs: number;
}

/** Refusals of one account further apart than this are not counted together. */
const REFUSAL_WINDOW_MS = 10 * 60 * 1000;

export interface CollabServer {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Flushes all pending writes to the database. */
  flush(): Promise<void>;
  /** Closes every socket with 1001, flushes and unloads every room. */
  close(): Promise<void>;
  /** The live documents, for the use cases (workflow/statement-documents.ts). */
  readonly documents: StatementDocuments;
  readonly loadedRooms: number;
  readonly connectionCount: number;
}

/** Live documents for the app's routes: reads and finalisation go through the loaded rooms. */
function statementDocumentsOf(rooms: RoomRegistry, relay: RoomRelay | undefined): StatementDocuments {
  /** Holds the statement's room loaded while `use` runs. */
  async function inRoom<T>(statementId: string, use: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await rooms.reserve(statementId);
    try {
      return await use(room);
    } finally {
      rooms.release(room);
    }
  }
  return {
    sections(statementId, keys) {
      return inRoom(statementId, (room) => snapshotSections(room.doc, keys));
    },
    capture(statementId, keys) {
      return inRoom(statementId, (room) => captureStatement(room.doc, keys));
    },
    replaceSection(statementId, key, content, userId) {
      return inRoom(statementId, (room) =>
        room.applyServerEdit(userId, (doc) => replaceFragmentContent(doc.getXmlFragment(key), content)),
      );
    },
    paragraphs(statementId, keys) {
      return inRoom(statementId, (room) => sectionParagraphs(room.doc, keys));
    },
    isValidAnchor(statementId, sectionKey, anchor) {
      return inRoom(statementId, (room) => isValidAnchor(room.doc, sectionKey, anchor));
    },
    freezeWhile(statementId, decide) {
      return inRoom(statementId, (room) =>
        room.freezeWhile(async (): Promise<FreezeOutcome> => {
          // Other nodes holding the statement freeze too, and their edits are here before deciding.
          const thawOthers = relay ? await relay.freezeOthers(room) : () => {};
          if (!thawOthers) return "nodes-unreachable";
          let keep = false;
          try {
            keep = await decide({
              documentState: Y.encodeStateAsUpdate(room.doc),
              sections: (keys) => snapshotSections(room.doc, keys),
            });
            if (keep) room.markFinalised();
          } finally {
            thawOthers(keep);
          }
          return keep ? "finalised" : "not-finalised";
        }),
      );
    },
  };
}

/** Memory is released after this many unloads, once a second has passed without one (see MemoryRelease). */
const MEMORY_RELEASE_MIN_UNLOADS = 100;
const MEMORY_RELEASE_QUIET_MS = 1000;

export function createCollabServer(options: CollabServerOptions): CollabServer {
  const { db, logger } = options;
  logger.info("yjs codec warmed up", { ms: Math.round(warmUpYjs()) });
  const extensions = options.extensions ?? {};
  const ownStore =
    extensions.store ??
    new DatabaseDocumentStore(
      db,
      new UpdateLog(options.updateLogWriter, {
        flushDelayMs: options.flushDelayMs,
        writeIntervalMs: options.writeIntervalMs,
        onError: (error) => logger.error("update log write failed", { error: String(error) }),
      }),
    );
  const store = options.relay ? options.relay.store(db, ownStore) : ownStore;
  const connectionHooks = [
    sessionAuthorization(db, options.authSecret),
    ...(extensions.connectionHooks ?? []),
  ];
  const memoryRelease = new MemoryRelease({
    collect: exposedFullCollections(),
    minUnloads: MEMORY_RELEASE_MIN_UNLOADS,
    quietMs: MEMORY_RELEASE_QUIET_MS,
    logger,
  });
  const refusalAudit = new RefusalAudit({
    logger,
    threshold: options.refusalsAuditedAfter,
    windowMs: REFUSAL_WINDOW_MS,
    record: (refusals) => recordRepeatedRefusals(db, refusals),
  });
  const rooms = new RoomRegistry({
    db,
    store,
    roomHooks: extensions.roomHooks,
    relay: options.relay,
    statementEvents: options.statementEvents,
    logger,
    compactEvery: options.compactEvery,
    unloadGraceMs: options.unloadGraceMs,
    staleCheckMs: options.staleCheckMs,
    versionQuietMs: options.versionQuietMs,
    versionIntervalMs: options.versionIntervalMs,
    onUnloaded: () => memoryRelease.noteUnload(),
    onRefused: (refusal) => refusalAudit.note(refusal),
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes,
    perMessageDeflate: false,
  });
  // Room for one message of the largest size and the small ones a client sends beside it.
  const maxQueuedBytes = 2 * options.maxMessageBytes;
  const heartbeat = new Heartbeat<WebSocket>(options.heartbeatMs);
  const sessionSockets = new SessionSockets({
    bus: options.sessionEvents,
    recheck: (sessionId) => recheckSession(db, sessionId),
    recheckMs: options.sessionRecheckMs,
    onError: (error) => logger.error("session re-check failed", { error: String(error) }),
  });
  let closing = false;

  async function admit(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const decision = await decideUpgrade(connectionHooks, request).catch((error: unknown) => {
      logger.error("upgrade authorization failed", { error: String(error) });
      return { ok: false as const, code: CloseCode.internalError, reason: "Internal error" };
    });
    if (closing) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      // ws closes the socket itself (1009, 1007, 1002) when a frame breaks the WebSocket rules, then
      // emits 'error': without a listener that error is thrown and takes the whole process down.
      ws.on("error", (error) => logger.warn("socket error", { error: String(error) }));
      if (!decision.ok) {
        ws.close(decision.code, decision.reason);
        return;
      }
      heartbeat.add(ws);
      sessionSockets.add(decision.sessionId, ws);
      ws.on("pong", () => heartbeat.noteAnswer(ws));
      ws.on("close", () => heartbeat.remove(ws));
      // Listeners attach now, so nothing the client sends while the room loads is lost.
      const connection = new CollabConnection(ws, socket, decision.identity, logger, {
        maxQueuedBytes,
        maxMessageBytes: options.maxMessageBytes,
        limits: options,
      });
      void join(connection, ws, decision.statementId);
    });
  }

  async function join(connection: CollabConnection, ws: WebSocket, statementId: string) {
    let room: Awaited<ReturnType<RoomRegistry["reserve"]>>;
    try {
      room = await rooms.reserve(statementId, (handoff, syncStep2) =>
        connection.answerFromStoredState(handoff, syncStep2),
      );
    } catch (error) {
      if (error instanceof TryAgainLater) {
        logger.warn("room load refused for now", { statementId, error: error.message });
        connection.close(CloseCode.tryAgain, "Try again later");
        return;
      }
      logger.error("room load failed", { statementId, error: String(error) });
      connection.close(CloseCode.internalError, "Could not load statement");
      return;
    }
    room.release();
    // Joined even when the client has gone meanwhile: answered from the stored state, it may have
    // edited and closed before the room was built, and what it sent is applied, not dropped.
    connection.attach(room);
    const leave = () => {
      const left = connection.detach();
      if (left) rooms.scheduleUnloadIfIdle(left);
    };
    if (ws.readyState === ws.OPEN) ws.on("close", leave);
    else leave();
  }

  return {
    handleUpgrade(request, socket, head) {
      if (closing) {
        socket.destroy();
        return;
      }
      void admit(request, socket, head);
    },
    flush: () => store.flush(),
    documents: statementDocumentsOf(rooms, options.relay),
    async close() {
      closing = true;
      heartbeat.stop();
      sessionSockets.stop();
      const closed = [...wss.clients].map(
        (ws) => new Promise<void>((resolve) => ws.once("close", () => resolve())),
      );
      for (const ws of wss.clients) ws.close(CloseCode.goingAway, "Server shutting down");
      await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, 2000))]);
      for (const ws of wss.clients) ws.terminate();
      await rooms.unloadAll();
      memoryRelease.stop();
      await store.flush();
      wss.close();
    },
    get loadedRooms() {
      return rooms.loadedCount;
    },
    get connectionCount() {
      return wss.clients.size;
    },
  };
}
