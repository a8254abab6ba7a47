import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { silentLogger } from "./logger";
import { exposedFullCollections, MemoryRelease } from "./memory-release";

describe("MemoryRelease", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function release(collect: (() => void) | null) {
    return new MemoryRelease({ collect, minUnloads: 3, quietMs: 1000, logger: silentLogger });
  }

  it("collects once, after enough unloads and a quiet spell", () => {
    const collect = vi.fn();
    const memory = release(collect);
    memory.noteUnload();
    memory.noteUnload();
    vi.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();

    memory.noteUnload();
    vi.advanceTimersByTime(999);
    memory.noteUnload(); // still unloading: the quiet spell starts again
    vi.advanceTimersByTime(999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);

    // The count starts again from zero.
    memory.noteUnload();
    memory.noteUnload();
    vi.advanceTimersByTime(5000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it("does nothing after stop", () => {
    const collect = vi.fn();
    const memory = release(collect);
    for (let unload = 0; unload < 3; unload++) memory.noteUnload();
    memory.stop();
    vi.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();
  });

  it("does nothing when the runtime exposes no collection", () => {
    const memory = release(null);
    for (let unload = 0; unload < 10; unload++) memory.noteUnload();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("exposedFullCollections", () => {
  const runtime = globalThis as { gc?: () => void };
  const original = runtime.gc;
  afterEach(() => {
    runtime.gc = original;
  });

  it("is null without --expose-gc", () => {
    runtime.gc = undefined;
    expect(exposedFullCollections()).toBeNull();
  });

  it("runs two full collections: the second releases the pages the first emptied", () => {
    const gc = vi.fn();
    runtime.gc = gc;
    exposedFullCollections()?.();
    expect(gc).toHaveBeenCalledTimes(2);
  });
});
