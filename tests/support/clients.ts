import { WebSocket } from "ws";
import type { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A stock y-websocket client sending the given Cookie header, as a browser would. */
export function connectClient(baseWsUrl: string, statementId: string, cookie: string | null): TestClient {
  const doc = new Y.Doc();
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  const provider = new WebsocketProvider(baseWsUrl, statementId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitForSynced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      client.provider.off("sync", onSync);
      resolve();
    };
    client.provider.on("sync", onSync);
  });
}

/** Resolves when `predicate` holds, re-checking on every change of any of `docs`; rejects after `timeoutMs`. */
export function waitForDocs(docs: Y.Doc[], predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const stopListening = () => {
      for (const doc of docs) doc.off("update", check);
    };
    const timer = setTimeout(() => {
      stopListening();
      reject(new Error("Timed out waiting for the documents"));
    }, timeoutMs);
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      stopListening();
      resolve();
    };
    for (const doc of docs) doc.on("update", check);
  });
}

/**
 * Opens a raw socket and resolves with the close code and reason the server sends; rejects if the
 * server keeps the socket open for `timeoutMs` (an admitted socket is never closed by the server).
 */
export function closeCodeOf(
  url: string,
  headers: Record<string, string> = {},
  send?: (ws: WebSocket) => void,
  timeoutMs = 10_000,
) {
  return new Promise<{ code: number; reason: string }>((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`The server did not close the socket to ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.on("open", () => send?.(ws));
    ws.on("close", (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
    ws.on("error", (error) => {
      if (ws.readyState === ws.CLOSED) reject(error);
    });
  });
}

/** Resolves when `predicate` holds, re-checking on every awareness update; rejects after `timeoutMs`. */
export function waitForAwareness(awareness: Awareness, predicate: () => boolean, timeoutMs = 10_000) {
  if (predicate()) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      awareness.off("update", check);
      reject(new Error("Timed out waiting for the awareness state"));
    }, timeoutMs);
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      awareness.off("update", check);
      resolve();
    };
    awareness.on("update", check);
  });
}

/**
 * A raw socket admitted to its room: resolves on the server's first message (its sync step 1).
 * `autoPong: false` makes a peer that has gone silent: it never answers a ping.
 */
export function openRawSocket(
  url: string,
  headers: Record<string, string>,
  options: { autoPong?: boolean } = {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, ...options });
    ws.once("message", () => resolve(ws));
    ws.once("close", (code) => reject(new Error(`Socket closed with ${code} before it was admitted`)));
    ws.on("error", reject);
  });
}
