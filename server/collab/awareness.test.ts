import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { applyAwarenessEntries } from "./awareness";
import type { AwarenessEntry } from "./protocol";

function serverAwareness() {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const events: string[] = [];
  awareness.on("change", (change: object) => events.push(`change ${JSON.stringify(change)}`));
  awareness.on("update", (change: object) => events.push(`update ${JSON.stringify(change)}`));
  return { awareness, events };
}

function encoded(entries: AwarenessEntry[]): Uint8Array {
  const source = new awarenessProtocol.Awareness(new Y.Doc());
  for (const { clientId, clock, state } of entries) {
    source.states.set(clientId, state ?? {});
    if (state === null) source.states.delete(clientId);
    source.meta.set(clientId, { clock, lastUpdated: 0 });
  }
  return awarenessProtocol.encodeAwarenessUpdate(
    source,
    entries.map((entry) => entry.clientId),
  );
}

describe("applyAwarenessEntries", () => {
  it("ends in the states, clocks and events y-protocols' applyAwarenessUpdate gives", () => {
    const steps: AwarenessEntry[][] = [
      [{ clientId: 7, clock: 1, state: { cursor: 1 } }],
      [{ clientId: 7, clock: 2, state: { cursor: 1 } }],
      [{ clientId: 7, clock: 3, state: { cursor: 2 } }],
      [{ clientId: 7, clock: 2, state: { cursor: 9 } }],
      [
        { clientId: 8, clock: 5, state: { cursor: 4 } },
        { clientId: 7, clock: 3, state: null },
      ],
      [{ clientId: 8, clock: 6, state: null }],
    ];
    const ours = serverAwareness();
    const theirs = serverAwareness();
    for (const entries of steps) {
      applyAwarenessEntries(ours.awareness, entries, "origin");
      awarenessProtocol.applyAwarenessUpdate(theirs.awareness, encoded(entries), "origin");
    }
    expect(ours.events).toEqual(theirs.events);
    expect([...ours.awareness.states]).toEqual([...theirs.awareness.states]);
    const clocks = ({ awareness }: ReturnType<typeof serverAwareness>) =>
      [...awareness.meta].filter(([id]) => id !== awareness.clientID).map(([id, meta]) => [id, meta.clock]);
    expect(clocks(ours)).toEqual(clocks(theirs));
  });
});
