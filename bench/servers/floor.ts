/**
 * The floor: a plain `ws` relay that forwards every binary frame to the other sockets of its room
 * (the URL path), with no parsing, Yjs, authentication or storage.
 */
import { createServer } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import { serveUnderTest } from "./common";

const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
wss.on("connection", (ws, request) => {
  const name = request.url ?? "/";
  const members = rooms.get(name) ?? new Set<WebSocket>();
  rooms.set(name, members);
  members.add(ws);
  ws.on("message", (data, isBinary) => {
    for (const member of members) if (member !== ws) member.send(data, { binary: isBinary });
  });
  ws.on("close", () => {
    members.delete(ws);
    if (members.size === 0) rooms.delete(name);
  });
});
const server = createServer((_request, response) => {
  response.writeHead(404);
  response.end();
});
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();

serveUnderTest({
  port: typeof address === "object" && address ? address.port : 0,
  stats: () => ({ rooms: rooms.size, connections: wss.clients.size }),
  async stop() {
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
});
