/**
 * The stock y-websocket server: `y-websocket@2.1.0`'s `bin/utils.cjs` (installed as
 * `y-websocket-stock`), wired exactly as its `bin/server.cjs` does, in memory (no YPERSISTENCE),
 * on the same `ws` 8 as ours so that the comparison is about the Yjs server, not the socket library.
 */
import { createRequire } from "node:module";
import { type WebSocket, WebSocketServer } from "ws";
import { serveWebSocketServer } from "./common";

interface StockUtils {
  setupWSConnection(conn: WebSocket, request: import("node:http").IncomingMessage): void;
  docs: Map<string, unknown>;
}

const require = createRequire(import.meta.url);
const utils = require("y-websocket-stock/bin/utils") as StockUtils;

const wss = new WebSocketServer({ noServer: true });
wss.on("connection", utils.setupWSConnection);
await serveWebSocketServer(
  wss,
  () => utils.docs.size,
  (response) => {
    response.writeHead(200, { "Content-Type": "text/plain" });
    response.end("okay");
  },
);
