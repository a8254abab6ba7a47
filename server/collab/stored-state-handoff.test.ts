import { afterEach, describe, expect, it, vi } from "vitest";
import { StoredStateHandoff } from "./stored-state-handoff";

const STATE = Uint8Array.of(0, 1, 2);

describe("StoredStateHandoff", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is wanted only while someone waits, and hands the state to every waiting client", async () => {
    const handoff = new StoredStateHandoff();
    expect(handoff.wanted).toBe(false);
    const received: string[] = [];
    handoff.subscribe(async (_, state) => void received.push(`a ${state.join()}`));
    handoff.subscribe(async (_, state) => void received.push(`b ${state.join()}`));
    expect(handoff.wanted).toBe(true);
    await handoff.publish(STATE, 100);
    expect(received).toEqual(["a 0,1,2", "b 0,1,2"]);
  });

  it("hands the published state at once to a client that arrives later, until it is closed", async () => {
    const handoff = new StoredStateHandoff();
    handoff.subscribe(async () => {});
    await handoff.publish(STATE, 100);
    const late = vi.fn(async () => {});
    handoff.subscribe(late);
    expect(late).toHaveBeenCalledWith(handoff, STATE);
    handoff.close();
    const afterClose = vi.fn(async () => {});
    handoff.subscribe(afterClose);
    expect(afterClose).not.toHaveBeenCalled();
    expect(handoff.wanted).toBe(false);
  });

  it("waits for the answers to be written, but no longer than its limit", async () => {
    vi.useFakeTimers();
    const handoff = new StoredStateHandoff();
    // A client that never reads: its answer is never written.
    handoff.subscribe(() => new Promise<void>(() => {}));
    let published = false;
    const publishing = handoff.publish(STATE, 100).then(() => {
      published = true;
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(published).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await publishing;
    expect(published).toBe(true);
  });
});
