import { describe, expect, it } from "vitest";
import { DEFAULT_THROTTLE_POLICY, throttleDecision } from "./login-throttle";

describe("login throttling", () => {
  it("lets five failures through at once, then doubles the wait up to its cap, and locks at twenty", () => {
    const delays = [0, 4, 5, 6, 7, 19].map((failures) => throttleDecision(failures, DEFAULT_THROTTLE_POLICY));
    expect(delays).toEqual([
      { locked: false, delayMs: 0 },
      { locked: false, delayMs: 0 },
      { locked: false, delayMs: 250 },
      { locked: false, delayMs: 500 },
      { locked: false, delayMs: 1000 },
      { locked: false, delayMs: 8000 },
    ]);
    expect(throttleDecision(20, DEFAULT_THROTTLE_POLICY)).toEqual({ locked: true });
    expect(throttleDecision(50, DEFAULT_THROTTLE_POLICY)).toEqual({ locked: true });
  });
});
