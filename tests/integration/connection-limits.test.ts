import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { waitForAwareness } from "../support/clients";
import { collabFixture } from "../support/fixture";
import { awarenessFrame, frame, SYNC_STEP_1, syncFrame } from "../support/frames";
import { HANDLAGGARE_BOU, HANDLAGGARE_EB } from "../support/workflow";

const collab = collabFixture({
  COLLAB_MAX_MESSAGES_PER_SECOND: "50",
  COLLAB_MAX_STATE_VECTOR_ENTRIES: "100",
});

function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })),
  );
}

/** A query-awareness message: the smallest message a client can send. */
const QUERY_AWARENESS = frame((encoder) => encoding.writeVarUint(encoder, 3));

describe("per-connection limits", () => {
  it("drops awareness fields the editor does not use", async () => {
    const observer = await collab.connectAs(HANDLAGGARE_EB);
    const socket = await collab.openSocket(HANDLAGGARE_BOU);
    const clientId = 515_151;
    socket.send(
      awarenessFrame([
        {
          clientId,
          clock: 1,
          state: { user: {}, cursor: null, section: "bakgrund", name: "Falsk", role: "admin" },
        },
      ]),
    );
    const states = observer.provider.awareness.getStates();
    await waitForAwareness(observer.provider.awareness, () => states.has(clientId));
    expect(Object.keys(states.get(clientId) ?? {}).sort()).toEqual(["cursor", "section", "user"]);
  });

  it("closes a socket announcing an awareness state over 8 KB with 4429", async () => {
    const socket = await collab.openSocket(HANDLAGGARE_BOU);
    const done = closed(socket);
    socket.send(awarenessFrame([{ clientId: 616_161, clock: 1, state: { cursor: "x".repeat(1_500_000) } }]));
    expect(await done).toEqual({ code: 4429, reason: "Awareness state too large" });
  });

  it("closes a socket over its messages per second with 4429", async () => {
    const socket = await collab.openSocket(HANDLAGGARE_BOU);
    const done = closed(socket);
    // Two seconds' burst (100) is allowed; far more at once is not.
    for (let index = 0; index < 300; index++) socket.send(QUERY_AWARENESS);
    expect(await done).toEqual({ code: 4429, reason: "Too many messages per second" });
  });

  it("closes a socket whose state vector has more entries than allowed with 4400", async () => {
    const socket = await collab.openSocket(HANDLAGGARE_BOU);
    const done = closed(socket);
    const stateVector = frame((encoder) => {
      encoding.writeVarUint(encoder, 101);
      for (let client = 1; client <= 101; client++) {
        encoding.writeVarUint(encoder, client);
        encoding.writeVarUint(encoder, 1);
      }
    });
    socket.send(syncFrame(SYNC_STEP_1, stateVector));
    expect(await done).toEqual({ code: 4400, reason: "State vector too large" });
  });
});
