import { setTimeout as sleep } from "node:timers/promises";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../auth/password";
import type { Database } from "../db/client";
import { recentLoginFailures, recordAccountEvent } from "../db/queries/account-events";
import { findLoginByEmail } from "../db/queries/users";
import {
  DEFAULT_THROTTLE_POLICY,
  type ThrottleDecision,
  type ThrottlePolicy,
  throttleDecision,
} from "../domain/login-throttle";

/** Where lockouts and throttled failures are logged; the caller passes the process's logger. */
export interface LoginLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

const UNLOGGED: LoginLog = { warn: () => {} };

export interface LoginAttempt {
  email: string;
  password: string;
  /** The client's address as the server saw it; null when unknown. */
  clientAddress: string | null;
}

/**
 * The throttle's decision for an e-mail address and a client address (the stricter of the two);
 * a refused attempt is recorded and logged.
 */
export async function loginThrottle(
  db: Database,
  rawEmail: string,
  clientAddress: string | null,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
  log: LoginLog = UNLOGGED,
): Promise<ThrottleDecision> {
  const email = normalisedEmail(rawEmail);
  const [byAccount, byAddress] = await Promise.all([
    recentLoginFailures(db, { email }, policy.windowMs),
    clientAddress ? recentLoginFailures(db, { clientAddress }, policy.windowMs) : 0,
  ]);
  const decision = throttleDecision(Math.max(byAccount, byAddress), policy);
  if (decision.locked) {
    const login = await findLoginByEmail(db, email);
    log.warn("login locked out", { email, clientAddress, byAccount, byAddress });
    await recordAccountEvent(db, { userId: login?.id ?? null, email, clientAddress, action: "login.locked" });
  }
  return decision;
}

export type LoginOutcome =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "locked" | "wrong"; delayMs: number };

function normalisedEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password sign-in: refused while locked out, delayed after repeated failures, and as
 * slow for an unknown address as for a known one. Every outcome is recorded per account.
 */
export async function attemptLogin(
  db: Database,
  attempt: LoginAttempt,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
  log: LoginLog = UNLOGGED,
): Promise<LoginOutcome> {
  const email = normalisedEmail(attempt.email);
  const [decision, login] = await Promise.all([
    loginThrottle(db, email, attempt.clientAddress, policy, log),
    findLoginByEmail(db, email),
  ]);
  if (decision.locked) return { ok: false, reason: "locked", delayMs: 0 };
  const event = { userId: login?.id ?? null, email, clientAddress: attempt.clientAddress };
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  // A deactivated account costs the same scrypt and fails like a wrong password.
  const usable = login?.passwordHash && !login.deactivatedAt ? login : null;
  const matches = await verifyPassword(attempt.password, usable?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!usable || !matches) {
    await recordAccountEvent(db, {
      ...event,
      action: "login.failed",
      details: { delayMs: decision.delayMs },
    });
    if (decision.delayMs > 0) log.warn("login failed, throttled", { ...event, delayMs: decision.delayMs });
    return { ok: false, reason: "wrong", delayMs: decision.delayMs };
  }
  await recordAccountEvent(db, { ...event, action: "login.succeeded" });
  return { ok: true, user: { id: usable.id, name: usable.name, email: usable.email } };
}
