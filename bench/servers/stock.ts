/**
 * The stock y-websocket server: `y-websocket@2.1.0`'s `bin/utils.cjs` (installed as
 * `y-websocket-stock`), wired exactly as its `bin/server.cjs` does, in memory (no YPERSISTENCE),
 * on the same `ws` 8 as ours so that the comparison is about the Yjs server, not the socket library.
 */
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { type WebSocket, WebSocketServer } from "ws";
import { serveUnderTest } from "./common";

interface StockUtils {
  setupWSConnection(conn: WebSocket, request: import("node:http").IncomingMessage): void;
  docs: Map<string, unknown>;
}

const require = createRequire(import.meta.url);
const utils = require("y-websocket-stock/bin/utils") as StockUtils;

const wss = new WebSocketServer({ noServer: true });
wss.on("connection", utils.setupWSConnection);
const server = createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/plain" });
  response.end("okay");
});
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();

serveUnderTest({
  port: typeof address === "object" && address ? address.port : 0,
  stats: () => ({ rooms: utils.docs.size, connections: wss.clients.size }),
  async stop() {
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
});
