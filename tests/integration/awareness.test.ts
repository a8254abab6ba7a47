import { describe, expect, it } from "vitest";
import type { Awareness } from "y-protocols/awareness";
import { PRESENCE_COLOURS } from "../../domain/presence";
import { waitForAwareness } from "../support/clients";
import { collabFixture } from "../support/fixture";
import { awarenessFrame } from "../support/frames";

const collab = collabFixture();
const BOU = "handlaggare.bou@demo.test";
const EB = "handlaggare.eb@demo.test";

/** Waits until `observer` holds `clientId`'s state at exactly the clock it was sent with. */
function waitForClock(observer: Awareness, clientId: number, clock: number) {
  return waitForAwareness(observer, () => observer.meta.get(clientId)?.clock === clock);
}

describe("presence", () => {
  it("shows the signed-in user's identity from the database, whatever the client claims", async () => {
    const sara = await collab.connectAs(BOU);
    const ahmed = await collab.connectAs(EB);
    const saraId = sara.doc.clientID;

    sara.provider.awareness.setLocalState({ user: { name: "Falsk Direktör", color: "#000" } });
    await waitForClock(
      ahmed.provider.awareness,
      saraId,
      sara.provider.awareness.meta.get(saraId)?.clock ?? -1,
    );

    const seen = ahmed.provider.awareness.getStates().get(saraId);
    expect(seen?.user).toMatchObject({
      userId: await collab.userIdOf(BOU),
      name: "Sara Lindqvist",
      unit: "Barn- och ungdomsenheten",
    });
    expect(PRESENCE_COLOURS).toContain(seen?.user.color);
  });

  it("ignores awareness a socket sends for another user's client, or for a second client id", async () => {
    const sara = await collab.connectAs(BOU);
    const ahmed = await collab.connectAs(EB);
    const saraId = sara.doc.clientID;
    sara.provider.awareness.setLocalState({ cursor: { section: "bakgrund", anchor: 1 } });
    const saraClock = sara.provider.awareness.meta.get(saraId)?.clock ?? -1;
    await waitForClock(ahmed.provider.awareness, saraId, saraClock);
    const saraAsSeen = ahmed.provider.awareness.getStates().get(saraId);

    const intruder = await collab.openSocket("direktor@demo.test");
    const ownId = 424_242;
    const secondId = 434_343;
    // Newer clocks than Sara's, so y-protocols would take them if the server passed them on.
    intruder.send(
      awarenessFrame([
        {
          clientId: saraId,
          clock: saraClock + 10,
          state: { user: { name: "Kapad" }, cursor: { anchor: 999 } },
        },
      ]),
    );
    intruder.send(awarenessFrame([{ clientId: saraId, clock: saraClock + 11, state: null }]));
    // Its own presence is accepted (and pinned); a second id after that is not.
    intruder.send(awarenessFrame([{ clientId: ownId, clock: 1, state: { user: { name: "Någon annan" } } }]));
    intruder.send(awarenessFrame([{ clientId: secondId, clock: 1, state: { cursor: { anchor: 5 } } }]));
    // Frames of one socket are handled in order: once this is seen, all of the above was handled.
    intruder.send(awarenessFrame([{ clientId: ownId, clock: 2, state: { cursor: { anchor: 7 } } }]));
    await waitForClock(ahmed.provider.awareness, ownId, 2);

    const states = ahmed.provider.awareness.getStates();
    expect(states.get(ownId)).toMatchObject({
      cursor: { anchor: 7 },
      user: { name: "Leif Spjuth", userId: await collab.userIdOf("direktor@demo.test") },
    });
    expect(states.has(secondId)).toBe(false);
    expect(states.get(saraId)).toEqual(saraAsSeen);
    expect(ahmed.provider.awareness.meta.get(saraId)?.clock).toBe(saraClock);
    expect(saraAsSeen?.user).toMatchObject({ name: "Sara Lindqvist" });
  });
});
