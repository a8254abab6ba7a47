import { describe, expect, it } from "vitest";
import { TurnFlush } from "./turn-flush";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("TurnFlush", () => {
  it("flushes work scheduled together once, in a microtask", async () => {
    let flushes = 0;
    const flush = new TurnFlush(() => flushes++);
    flush.schedule();
    flush.schedule();
    expect(flushes).toBe(0);
    await Promise.resolve();
    expect(flushes).toBe(1);
  });

  it("gathers what comes after a flush in the same turn until the turn ends", async () => {
    const flushedAt: string[] = [];
    let phase = "first read";
    const flush = new TurnFlush(() => flushedAt.push(phase));
    flush.schedule();
    await Promise.resolve();
    phase = "second read";
    flush.schedule();
    await Promise.resolve();
    phase = "third read";
    flush.schedule();
    await Promise.resolve();
    expect(flushedAt).toEqual(["first read"]);
    await nextTurn();
    expect(flushedAt).toEqual(["first read", "third read"]);
  });

  it("flushes in a microtask again once a turn has ended", async () => {
    let flushes = 0;
    const flush = new TurnFlush(() => flushes++);
    flush.schedule();
    await nextTurn();
    await nextTurn();
    flush.schedule();
    await Promise.resolve();
    expect(flushes).toBe(2);
  });
});
