/**
 * The floor: a plain `ws` relay that forwards every binary frame to the other sockets of its room
 * (the URL path), with no parsing, Yjs, authentication or storage.
 */
import { type WebSocket, WebSocketServer } from "ws";
import { serveWebSocketServer } from "./common";

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
await serveWebSocketServer(
  wss,
  () => rooms.size,
  (response) => {
    response.writeHead(404);
    response.end();
  },
);
