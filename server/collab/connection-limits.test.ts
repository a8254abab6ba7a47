import { describe, expect, it } from "vitest";
import { ConnectionLimits, TokenBucket } from "./connection-limits";

const settings = {
  maxMessagesPerSecond: 10,
  maxBytesPerSecond: 1000,
  maxAwarenessStateBytes: 0,
  maxStateVectorEntries: 0,
};

describe("per-connection limits", () => {
  it("refills a token bucket at its rate, up to its capacity", () => {
    const bucket = new TokenBucket(10, 20, 0);
    for (let index = 0; index < 20; index++) expect(bucket.take(1, 0)).toBe(true);
    expect(bucket.take(1, 0)).toBe(false);
    expect(bucket.take(5, 500)).toBe(true);
    expect(bucket.take(1, 500)).toBe(false);
    expect(bucket.take(20, 100_000)).toBe(true);
  });

  it("allows two seconds' burst of messages, then refuses with a reason, and recovers", () => {
    const limits = new ConnectionLimits(settings, 100, 0);
    for (let index = 0; index < 20; index++) expect(limits.admit(1, 0)).toBeNull();
    expect(limits.admit(1, 0)).toBe("Too many messages per second");
    expect(limits.admit(1, 1000)).toBeNull();
  });

  it("allows at least two of the largest messages at once, then limits bytes", () => {
    const limits = new ConnectionLimits(settings, 5000, 0);
    expect(limits.admit(5000, 0)).toBeNull();
    expect(limits.admit(5000, 0)).toBeNull();
    expect(limits.admit(10, 0)).toBe("Too many bytes per second");
  });

  it("turns a limit off with 0", () => {
    const limits = new ConnectionLimits(
      { ...settings, maxMessagesPerSecond: 0, maxBytesPerSecond: 0 },
      10,
      0,
    );
    for (let index = 0; index < 10_000; index++) expect(limits.admit(1_000_000, 0)).toBeNull();
  });
});
