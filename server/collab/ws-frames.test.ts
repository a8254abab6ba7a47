import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { frameMessages } from "./ws-frames";

/*
 * The frames are read by a real WebSocket client (ws' receiver, which enforces RFC 6455). The
 * server writes them straight to the upgraded socket, as the collaboration server does.
 */
describe("frameMessages", () => {
  const sockets = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  let http: Server;
  let url: string;
  beforeAll(async () => {
    http = createServer();
    http.on("upgrade", (request, socket, head) => {
      sockets.handleUpgrade(request, socket, head, () => {});
    });
    http.listen(0, "127.0.0.1");
    await once(http, "listening");
    url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

  /** The messages a new client receives when the server writes to its socket with `write`. */
  async function received(write: (socket: Duplex) => void, count: number): Promise<Buffer[]> {
    const upgraded = new Promise<Duplex>((resolve) =>
      http.once("upgrade", (_request, socket: Duplex) => resolve(socket)),
    );
    const client = new WebSocket(url);
    const messages: Buffer[] = [];
    const all = new Promise<void>((resolve) =>
      client.on("message", (data: Buffer, isBinary: boolean) => {
        if (isBinary) messages.push(data);
        if (messages.length === count) resolve();
      }),
    );
    const socket = await upgraded;
    await once(client, "open");
    write(socket);
    await all;
    client.close();
    return messages;
  }

  it("frames payloads of every length encoding so that a client reads them back unchanged", async () => {
    const payloads = [0, 1, 125, 126, 65_535, 65_536, 300_000].map((length) =>
      Buffer.from(Uint8Array.from({ length }, (_, index) => (index * 7 + length) % 256)),
    );
    const { whole } = frameMessages(payloads);
    const messages = await received((socket) => socket.write(whole), payloads.length);
    expect(messages.map((message) => message.length)).toEqual(payloads.map((payload) => payload.length));
    expect(messages.every((message, index) => message.equals(payloads[index] ?? Buffer.alloc(0)))).toBe(true);
  });

  it("gives a view of each frame that is a whole frame on its own", async () => {
    const { frames } = frameMessages([Uint8Array.of(1, 2, 3), Uint8Array.of(4)]);
    const messages = await received((socket) => {
      socket.write(frames[1] ?? Buffer.alloc(0));
      socket.write(frames[0] ?? Buffer.alloc(0));
    }, 2);
    expect(messages.map((message) => [...message])).toEqual([[4], [1, 2, 3]]);
  });
});
