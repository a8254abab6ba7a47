import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_THROTTLE_POLICY } from "../domain/login-throttle";
import { loadConfig } from "../server/config";
import { loginThrottlePolicy } from "./login-throttle-policy";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the login throttle's policy", () => {
  it("is the default one when nothing is set", () => {
    vi.stubEnv("LOGIN_THROTTLE_BASE_DELAY_MS", undefined);
    vi.stubEnv("LOGIN_THROTTLE_MAX_DELAY_MS", undefined);
    expect(loginThrottlePolicy()).toEqual(DEFAULT_THROTTLE_POLICY);
  });

  it("takes the waits the configuration validated, and keeps the thresholds", () => {
    vi.stubEnv("LOGIN_THROTTLE_BASE_DELAY_MS", "20");
    vi.stubEnv("LOGIN_THROTTLE_MAX_DELAY_MS", "80");
    expect(loginThrottlePolicy()).toEqual({ ...DEFAULT_THROTTLE_POLICY, baseDelayMs: 20, maxDelayMs: 80 });
  });

  it("is validated at start", () => {
    const base = { AUTH_SECRET: "x".repeat(32) };
    expect(loadConfig(base).loginThrottle).toEqual({ baseDelayMs: 250, maxDelayMs: 8000 });
    expect(() => loadConfig({ ...base, LOGIN_THROTTLE_BASE_DELAY_MS: "-1" })).toThrow(
      /LOGIN_THROTTLE_BASE_DELAY_MS/,
    );
    expect(() => loadConfig({ ...base, LOGIN_THROTTLE_MAX_DELAY_MS: "soon" })).toThrow(
      /LOGIN_THROTTLE_MAX_DELAY_MS/,
    );
  });
});
