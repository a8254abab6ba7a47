import { connect, type Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findFreePort,
  killServerProcesses,
  spawnServerProcess,
  waitForHealth,
} from "../support/child-server";
import { type ChildProcessDatabase, createChildProcessDatabase } from "../support/database";
import { sessionCookieFor } from "../support/session";

let database: ChildProcessDatabase;
const sockets: Socket[] = [];
beforeEach(async () => {
  database = await createChildProcessDatabase();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await killServerProcesses();
  await database.drop();
});

/**
 * A WebSocket client admitted to the seed statement that then never answers anything, not even
 * the server's close frame: the server's shutdown waits for it until its own 2 s limit.
 */
async function silentClient(port: number, cookie: string): Promise<void> {
  const socket = connect(port, "127.0.0.1");
  sockets.push(socket);
  socket.write(
    [
      `GET /collab/${database.seedStatementId} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      "Connection: Upgrade",
      "Upgrade: websocket",
      "Sec-WebSocket-Version: 13",
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
      `Cookie: ${cookie}`,
      "",
      "",
    ].join("\r\n"),
  );
  let received = "";
  await new Promise<void>((resolve) => {
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (received.includes("101 Switching Protocols")) resolve();
    });
  });
}

describe("shutdown", () => {
  it("finishes on SIGTERM although stdout and stderr are closed pipes", async () => {
    const server = spawnServerProcess(await findFreePort(), database.env);
    await waitForHealth(server);
    server.child.stdout?.destroy();
    server.child.stderr?.destroy();
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });

  it("exits with 1 after SHUTDOWN_TIMEOUT_MS when the close takes longer, with stdout and stderr closed", async () => {
    const cookie = await database.withConnection((db) => sessionCookieFor(db, "handlaggare.bou@demo.test"));
    const server = spawnServerProcess(await findFreePort(), { ...database.env, SHUTDOWN_TIMEOUT_MS: "300" });
    await waitForHealth(server);
    await silentClient(server.port, cookie);
    server.child.stdout?.destroy();
    server.child.stderr?.destroy();
    server.child.kill("SIGTERM");
    // A finished close exits with 0; the forced exit, before the silent client is given up on, with 1.
    expect(await server.exited).toEqual({ code: 1, signal: null });
  });
});
