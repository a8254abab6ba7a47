/**
 * What the session check adds to a WebSocket upgrade: the upgrade's authorization (token decode,
 * session check, user and statement lookup) with the session check asked of the database (a new
 * session) and from memory (the same session again within the cache's 5 s), and the check alone.
 *
 *   node --import tsx bench/session-check-cost.ts            # PGlite in a temp folder
 *   DATABASE_URL=postgres://… node --import tsx bench/session-check-cost.ts
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { encode } from "next-auth/jwt";
import { isSessionActive, SESSION_CHECK_TTL_MS } from "../auth/session-check";
import { createSession } from "../db/queries/sessions";
import { findLoginByEmail } from "../db/queries/users";
import { statements } from "../db/schema";
import { authorizeUpgrade } from "../server/collab/authorize";
import { silentLogger } from "../server/collab/logger";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/database";

const SECRET = "bench-secret-that-is-long-enough-for-next-auth-0123456789";
const RUNS = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "beredning-session-bench-"));
  const config = loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: SECRET, SEED_DEMO: "1", ...process.env });
  const database = await openDatabase(config, silentLogger);
  const { db } = database;
  try {
    const user = await findLoginByEmail(db, "handlaggare.bou@demo.test");
    const [statement] = await db.select({ id: statements.id }).from(statements).limit(1);
    if (!user || !statement) throw new Error("No demo data");
    const sessions = await Promise.all(
      Array.from({ length: RUNS * 2 }, () => createSession(db, user.id, 3600)),
    );
    const cookies = await Promise.all(
      sessions.map(
        async (sid) =>
          `next-auth.session-token=${await encode({ token: { sub: user.id, sid }, secret: SECRET })}`,
      ),
    );
    const upgrade = (cookie: string) =>
      authorizeUpgrade(
        { url: `/collab/${statement.id}`, headers: { cookie } } as IncomingMessage,
        db,
        SECRET,
      );
    // Warm-up: every token decoded once (decodes are kept per token) and the queries planned; then
    // the session checks are left to expire from memory.
    for (const cookie of cookies) await upgrade(cookie);
    await sleep(SESSION_CHECK_TTL_MS + 500);

    // Each token twice in a row: first its session is asked of the database, then taken from memory.
    const coldUpgrade: number[] = [];
    const warmUpgrade: number[] = [];
    for (const cookie of cookies.slice(0, RUNS)) {
      coldUpgrade.push(await timed(() => upgrade(cookie)));
      warmUpgrade.push(await timed(() => upgrade(cookie)));
    }
    const checkFromDatabase: number[] = [];
    const checkFromMemory: number[] = [];
    for (const sessionId of sessions.slice(RUNS)) {
      checkFromDatabase.push(await timed(() => isSessionActive(db, sessionId)));
      checkFromMemory.push(await timed(() => isSessionActive(db, sessionId)));
    }
    const format = (values: number[]) => `${median(values).toFixed(3)} ms`;
    console.log(`database: ${database.kind}, ${RUNS} runs each, medians`);
    console.log(`session check, from the database: ${format(checkFromDatabase)}`);
    console.log(`session check, from memory:       ${format(checkFromMemory)}`);
    console.log(`upgrade authorization, check from the database: ${format(coldUpgrade)}`);
    console.log(`upgrade authorization, check from memory:       ${format(warmUpgrade)}`);
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

void main();
