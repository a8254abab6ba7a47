/**
 * Login throttling: after `freeFailures` failed attempts (per account or per client address,
 * whichever has more) each further attempt waits longer, doubling up to `maxDelayMs`; at
 * `lockoutFailures` attempts are refused until the failures age out of the window.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  lockoutFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  lockoutFailures: 20,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  windowMs: 15 * 60 * 1000,
};

export type ThrottleDecision = { locked: true } | { locked: false; delayMs: number };

export function throttleDecision(recentFailures: number, policy: ThrottlePolicy): ThrottleDecision {
  if (recentFailures >= policy.lockoutFailures) return { locked: true };
  if (recentFailures < policy.freeFailures) return { locked: false, delayMs: 0 };
  const doublings = recentFailures - policy.freeFailures;
  return { locked: false, delayMs: Math.min(policy.baseDelayMs * 2 ** doublings, policy.maxDelayMs) };
}

export const LOGIN_LOCKED_MESSAGE =
  "För många misslyckade inloggningar. Vänta en stund och försök igen, eller kontakta administratören.";
