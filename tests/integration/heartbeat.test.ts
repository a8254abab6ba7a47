import { describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { collabFixture } from "../support/fixture";
import { WAIT } from "../support/wait";

// The shortest interval the configuration allows: a silent peer is gone within two of them.
const collab = collabFixture({ COLLAB_HEARTBEAT_MS: "1000" });
const EB = "handlaggare.eb@demo.test";
const BOU = "handlaggare.bou@demo.test";

describe("heartbeat", () => {
  it("terminates a socket that stops answering pings, keeps the ones that answer, and unloads the room", async () => {
    const silent = await collab.openSocket(EB, { autoPong: false });
    const answering = await collab.openSocket(BOU);
    let pingsToAnswering = 0;
    answering.on("ping", () => pingsToAnswering++);

    // Terminated, not closed with a handshake: the peer is presumed gone.
    const closeCode = await new Promise<number>((resolve) => silent.once("close", (code) => resolve(code)));
    expect(closeCode).toBe(1006);
    expect(answering.readyState).toBe(WebSocket.OPEN);
    // The server lets the silent socket go.
    await vi.waitFor(() => expect(collab.server.collab.connectionCount).toBe(1), WAIT);

    // Still pinged, and still there after it has answered more pings than a silent peer gets.
    await vi.waitFor(() => expect(pingsToAnswering).toBeGreaterThanOrEqual(2), WAIT);
    expect(answering.readyState).toBe(WebSocket.OPEN);

    answering.close();
    await vi.waitFor(() => expect(collab.server.collab.loadedRooms).toBe(0), WAIT);
  });
});
