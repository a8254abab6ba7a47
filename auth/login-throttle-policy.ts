import { DEFAULT_THROTTLE_POLICY, type ThrottlePolicy } from "../domain/login-throttle";

/**
 * The login throttle's policy, with the back-off waits that server/config.ts validated at start
 * (LOGIN_THROTTLE_BASE_DELAY_MS, LOGIN_THROTTLE_MAX_DELAY_MS); the thresholds are fixed.
 */
export function loginThrottlePolicy(): ThrottlePolicy {
  return {
    ...DEFAULT_THROTTLE_POLICY,
    baseDelayMs: configuredMs(process.env.LOGIN_THROTTLE_BASE_DELAY_MS, DEFAULT_THROTTLE_POLICY.baseDelayMs),
    maxDelayMs: configuredMs(process.env.LOGIN_THROTTLE_MAX_DELAY_MS, DEFAULT_THROTTLE_POLICY.maxDelayMs),
  };
}

function configuredMs(value: string | undefined, fallback: number): number {
  const configured = Number(value);
  return value && Number.isInteger(configured) && configured >= 0 ? configured : fallback;
}
