import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accountEvents } from "../../db/schema";
import { DEFAULT_THROTTLE_POLICY, type ThrottlePolicy } from "../../domain/login-throttle";
import { attemptLogin } from "../../workflow/login";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});

const KNOWN = "handlaggare.bou@demo.test";
const PASSWORD = "beredning-demo";
/** The default thresholds, with waits short enough for a test (the waits are asserted, not timed). */
const QUICK: ThrottlePolicy = { ...DEFAULT_THROTTLE_POLICY, baseDelayMs: 1, maxDelayMs: 4 };

function attempt(email: string, password: string, clientAddress: string, policy = QUICK) {
  return attemptLogin(database.connection.db, { email, password, clientAddress }, policy);
}

describe("login throttling", () => {
  it("slows the 6th quick failure of an account, locks the 21st out, and records every attempt", async () => {
    const outcomes = [];
    // From ever-new client addresses: this is the account's own count.
    for (let index = 1; index <= 21; index++) outcomes.push(await attempt(KNOWN, "fel", `10.0.0.${index}`));

    expect(outcomes.slice(0, 5).map((outcome) => outcome.ok || outcome.delayMs)).toEqual([0, 0, 0, 0, 0]);
    expect(outcomes[5]).toEqual({ ok: false, reason: "wrong", delayMs: 1 });
    expect(outcomes[19]).toMatchObject({ ok: false, reason: "wrong", delayMs: 4 });
    expect(outcomes[20]).toEqual({ ok: false, reason: "locked", delayMs: 0 });
    // Locked out, the right password does not get in either.
    expect(await attempt(KNOWN, PASSWORD, "10.0.1.1")).toMatchObject({ ok: false, reason: "locked" });

    const recorded = await database.connection.db
      .select({ action: accountEvents.action })
      .from(accountEvents)
      .where(eq(accountEvents.email, KNOWN));
    const countOf = (action: string) => recorded.filter((event) => event.action === action).length;
    expect(countOf("login.failed")).toBe(20);
    expect(countOf("login.locked")).toBe(2);
  });

  it("counts per client address too, across accounts", async () => {
    for (let index = 0; index < 20; index++) await attempt(`okand${index}@demo.test`, "fel", "10.9.9.9");
    expect(await attempt(KNOWN, PASSWORD, "10.9.9.9")).toMatchObject({ ok: false, reason: "locked" });
    expect(await attempt(KNOWN, PASSWORD, "10.9.9.10")).toMatchObject({ ok: true });
  });

  it("a success resets the account's count", async () => {
    for (let index = 0; index < 5; index++) await attempt(KNOWN, "fel", `10.1.0.${index}`);
    expect(await attempt(KNOWN, PASSWORD, "10.1.1.1")).toMatchObject({ ok: true });
    expect(await attempt(KNOWN, "fel", "10.1.1.2")).toEqual({ ok: false, reason: "wrong", delayMs: 0 });
  });

  it("answers as fast for an unknown address as for a known one (median of 20 each, under 5 ms apart)", async () => {
    // No throttling here: only the password check's cost is compared.
    const open: ThrottlePolicy = { ...DEFAULT_THROTTLE_POLICY, freeFailures: 1000, lockoutFailures: 1000 };
    /*
     * Compared in the CPU time this process spends on an attempt (all its threads: scrypt's thread
     * pool and PGlite's thread included). The wall time on the shared machine moves by tens of
     * milliseconds with other processes' load; a skipped scrypt shows in both alike (50 ms and more).
     */
    const measure = async (email: string, index: number) => {
      const [cpuBefore, wallBefore] = [process.cpuUsage(), performance.now()];
      await attempt(email, "fel-lösenord", `10.2.0.${index}`, open);
      const cpu = process.cpuUsage(cpuBefore);
      return { cpu: (cpu.user + cpu.system) / 1000, wall: performance.now() - wallBefore };
    };
    const median = (times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return ((sorted[9] ?? 0) + (sorted[10] ?? 0)) / 2;
    };
    await measure(KNOWN, 0); // warm-up of both paths
    await measure("finns-inte@demo.test", 0);
    const known: { cpu: number; wall: number }[] = [];
    const unknown: { cpu: number; wall: number }[] = [];
    // Interleaved, each alternately first and second in its pair.
    for (let index = 1; index <= 20; index++) {
      if (index % 2 === 0) known.push(await measure(KNOWN, index));
      unknown.push(await measure("finns-inte@demo.test", index));
      if (index % 2 === 1) known.push(await measure(KNOWN, index));
    }
    const summary = (name: string, times: typeof known) =>
      `${name}: CPU ${median(times.map(({ cpu }) => cpu)).toFixed(1)} ms, wall ${median(times.map(({ wall }) => wall)).toFixed(1)} ms`;
    const difference = Math.abs(median(known.map(({ cpu }) => cpu)) - median(unknown.map(({ cpu }) => cpu)));
    expect(difference, `${summary("known", known)}; ${summary("unknown", unknown)}`).toBeLessThan(5);
  });
});
