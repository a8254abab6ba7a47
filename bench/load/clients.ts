import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import type { Awareness } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** The servers driven by Yjs clients; the floor has raw sockets of its own. */
export type YjsServerKind = "ours" | "stock" | "hocuspocus";

/** One real client: a Y.Doc kept in sync by the provider the server under test is meant for. */
export interface BenchClient {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Resolves on the first full sync with the server. */
  readonly synced: Promise<void>;
  /** Resolves once the server has handled everything this client sent before the call. */
  roundTrip(timeoutMs: number): Promise<void>;
  /** Times the connection closed after it had synced (a well-behaved run has none). */
  readonly unexpectedCloses: number;
  /** Bytes waiting in the socket's send buffer. */
  readonly bufferedAmount: number;
  /** When the socket last received a message (performance.now()), with `noteMessages`; else 0. */
  readonly lastMessageAt: number;
  destroy(): void;
}

export interface ClientOptions {
  /**
   * The document's Yjs client id, instead of a random one. Every item of a Yjs update names its
   * neighbours by client id and clock, and the id is a varint: an id below 2^28 takes four bytes,
   * others five, so the same edits by another writer can make a state 7 % smaller (the trace:
   * 289,553 against 311,460 bytes), which every open then applies.
   */
  clientId?: number;
  /** Note when each message arrives (`lastMessageAt`): a listener per message, so only when timed. */
  noteMessages?: boolean;
}

/** The `ws` class a provider opens its socket with: the given `ws` options, and arrivals noted. */
function socketClass(
  socketOptions: WebSocket.ClientOptions,
  onMessage: (() => void) | null,
): typeof globalThis.WebSocket {
  class BenchWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, socketOptions);
      if (onMessage) this.on("message", onMessage);
    }
  }
  return BenchWebSocket as unknown as typeof globalThis.WebSocket;
}

/** A new document, with the client id asked for. */
function newDocument(options: ClientOptions): Y.Doc {
  const doc = new Y.Doc();
  if (options.clientId !== undefined) doc.clientID = options.clientId;
  return doc;
}

/** Notes the time of each message, for `lastMessageAt`. */
class MessageClock {
  lastAt = 0;
  readonly note: (() => void) | null;
  constructor(enabled: boolean) {
    this.note = enabled ? () => (this.lastAt = performance.now()) : null;
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
    }),
  ]);
}

const MESSAGE_SYNC = 0;

/** The stock y-websocket 3.1 client, with the Cookie header a browser would send (ours) or none. */
function connectWebsocketProvider(
  baseUrl: string,
  room: string,
  cookie: string | null,
  options: ClientOptions,
): BenchClient {
  const doc = newDocument(options);
  const clock = new MessageClock(options.noteMessages ?? false);
  const provider = new WebsocketProvider(baseUrl, room, doc, {
    WebSocketPolyfill: socketClass(
      { headers: cookie ? { cookie } : {}, perMessageDeflate: false },
      clock.note,
    ),
    disableBc: true,
    maxBackoffTime: 1000,
  });
  let hasSynced = false;
  let unexpectedCloses = 0;
  provider.on("connection-close", () => {
    if (hasSynced) unexpectedCloses++;
  });
  const synced = new Promise<void>((resolve) => {
    const onSync = (state: boolean) => {
      if (!state || hasSynced) return;
      hasSynced = true;
      resolve();
    };
    provider.on("sync", onSync);
  });
  return {
    doc,
    awareness: provider.awareness,
    synced,
    get unexpectedCloses() {
      return unexpectedCloses;
    },
    get bufferedAmount() {
      return provider.ws?.bufferedAmount ?? 0;
    },
    get lastMessageAt() {
      return clock.lastAt;
    },
    roundTrip(timeoutMs) {
      // A sync step 1 is answered (sync step 2) only after every earlier message on this socket
      // was handled: the answer proves the server has applied all of this client's updates.
      const ws = provider.ws;
      if (!ws || ws.readyState !== ws.OPEN) return Promise.reject(new Error("Not connected"));
      const answered = new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          const data = new Uint8Array(event.data as ArrayBuffer);
          const decoder = decoding.createDecoder(data);
          if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
          if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
          ws.removeEventListener("message", onMessage);
          resolve();
        };
        ws.addEventListener("message", onMessage);
      });
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, doc);
      ws.send(encoding.toUint8Array(encoder));
      return withTimeout(answered, timeoutMs, `round trip to ${baseUrl}/${room}`);
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Hocuspocus's own provider, one socket per client (as separate browsers would have). */
function connectHocuspocusProvider(baseUrl: string, room: string, options: ClientOptions): BenchClient {
  const doc = newDocument(options);
  const clock = new MessageClock(options.noteMessages ?? false);
  let hasSynced = false;
  let unexpectedCloses = 0;
  const socket = new HocuspocusProviderWebsocket({
    url: baseUrl,
    WebSocketPolyfill: socketClass({}, clock.note),
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc });
  provider.attach();
  provider.on("close", () => {
    if (hasSynced) unexpectedCloses++;
  });
  const synced = new Promise<void>((resolve) => {
    provider.on("synced", () => {
      if (hasSynced) return;
      hasSynced = true;
      resolve();
    });
  });
  const awareness = provider.awareness;
  if (!awareness) throw new Error("The Hocuspocus provider has no awareness");
  return {
    doc,
    awareness,
    synced,
    get unexpectedCloses() {
      return unexpectedCloses;
    },
    get bufferedAmount() {
      const ws = socket.webSocket as { bufferedAmount?: number } | null;
      return ws?.bufferedAmount ?? 0;
    },
    get lastMessageAt() {
      return clock.lastAt;
    },
    roundTrip(timeoutMs) {
      // Hocuspocus acknowledges every update; no unacknowledged change means all were applied.
      if (provider.unsyncedChanges === 0) return Promise.resolve();
      const done = new Promise<void>((resolve) => {
        const onChange = ({ number }: { number: number }) => {
          if (number !== 0) return;
          provider.off("unsyncedChanges", onChange);
          resolve();
        };
        provider.on("unsyncedChanges", onChange);
      });
      return withTimeout(done, timeoutMs, `acknowledgements from ${baseUrl} (${room})`);
    },
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

export function connectClient(
  kind: YjsServerKind,
  baseUrl: string,
  room: string,
  cookie: string | null,
  options: ClientOptions = {},
): BenchClient {
  return kind === "hocuspocus"
    ? connectHocuspocusProvider(baseUrl, room, options)
    : connectWebsocketProvider(baseUrl, room, cookie, options);
}

export { withTimeout };
