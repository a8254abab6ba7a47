import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accountEvents } from "../../db/schema";
import {
  DEFAULT_THROTTLE_POLICY,
  LOGIN_LOCKED_MESSAGE,
  type ThrottlePolicy,
  throttleDecision,
} from "../../domain/login-throttle";
import {
  findFreePort,
  killServerProcesses,
  spawnServerProcess,
  waitForHealth,
} from "../support/child-server";
import { type ChildProcessDatabase, createChildProcessDatabase } from "../support/database";

/*
 * The throttle through next-auth's real credentials flow, on a whole app (Next.js included) of its
 * own: locking out 127.0.0.1 there touches no other test. The back-off is shortened through its
 * settings so that 15 throttled failures take about a second; the thresholds are the defaults.
 */
const KNOWN = "handlaggare.bou@demo.test";
const PASSWORD = "beredning-demo";
const POLICY: ThrottlePolicy = { ...DEFAULT_THROTTLE_POLICY, baseDelayMs: 20, maxDelayMs: 80 };
/** Next.js compiles the auth route on its first request (development mode: no build needed). */
const SERVER_LIFETIME_MS = 240_000;

let database: ChildProcessDatabase;
beforeEach(async () => {
  database = await createChildProcessDatabase();
});
afterEach(async () => {
  await killServerProcesses();
  await database.drop();
});

async function startWholeApp(): Promise<string> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawnServerProcess(
    port,
    {
      ...database.env,
      BEREDNING_PARTS: "all",
      NODE_ENV: "development",
      NEXTAUTH_URL: origin,
      LOGIN_THROTTLE_BASE_DELAY_MS: String(POLICY.baseDelayMs),
      LOGIN_THROTTLE_MAX_DELAY_MS: String(POLICY.maxDelayMs),
    },
    SERVER_LIFETIME_MS,
  );
  await waitForHealth(server, 120_000);
  return origin;
}

/** One password sign-in as next-auth's client does it: a CSRF token, then the credentials form. */
async function signIn(origin: string, email: string, password: string) {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  expect(csrf.status).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin, cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const signedIn = response.headers
    .getSetCookie()
    .some((value) => value.startsWith("next-auth.session-token="));
  return { status: response.status, signedIn, body: await response.text() };
}

describe("login throttling over HTTP", () => {
  it("slows the 6th failed sign-in, answers the 21st 429 in Swedish, and refuses the right password then", async () => {
    const origin = await startWholeApp();
    // The flow signs in at all: the right password, before any failure (a success resets the count).
    expect((await signIn(origin, KNOWN, PASSWORD)).signedIn).toBe(true);

    const failures = [];
    for (let attempt = 1; attempt <= 20; attempt++) failures.push(await signIn(origin, KNOWN, "fel"));
    for (const failure of failures) {
      expect(failure.status).not.toBe(429);
      expect(failure.signedIn).toBe(false);
    }

    const locked = await signIn(origin, KNOWN, "fel");
    expect(locked.status).toBe(429);
    expect(JSON.parse(locked.body)).toMatchObject({ error: LOGIN_LOCKED_MESSAGE });
    const right = await signIn(origin, KNOWN, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.signedIn).toBe(false);
    expect(JSON.parse(right.body)).toMatchObject({ error: LOGIN_LOCKED_MESSAGE });

    // The throttle's decisions as the server recorded them (PGlite: read once the server is gone).
    await killServerProcesses();
    const recorded = await database.withConnection((db) =>
      db
        .select({ action: accountEvents.action, details: accountEvents.details })
        .from(accountEvents)
        .where(eq(accountEvents.email, KNOWN))
        .orderBy(asc(accountEvents.id)),
    );
    const failedDelays = recorded
      .filter((event) => event.action === "login.failed")
      .map((event) => (event.details as { delayMs?: number } | null)?.delayMs);
    const expected = Array.from({ length: 20 }, (_, failuresBefore) => {
      const decision = throttleDecision(failuresBefore, POLICY);
      return decision.locked ? -1 : decision.delayMs;
    });
    expect(expected.slice(0, 6)).toEqual([0, 0, 0, 0, 0, POLICY.baseDelayMs]);
    expect(failedDelays).toEqual(expected);
    expect(recorded.map((event) => event.action)).toEqual([
      "login.succeeded",
      ...Array<string>(20).fill("login.failed"),
      "login.locked",
      "login.locked",
    ]);
  }, 300_000);
});
