import { LRUCache } from "lru-cache";
import type { Database } from "../db/client";
import { touchActiveSession } from "../db/queries/sessions";

/*
 * Whether a session is still open is asked on every API request and WebSocket upgrade, so the
 * answer is kept for a few seconds; an ended session is forgotten at once (the composition root
 * feeds `forgetEndedSessions` from the session bus). One cache per process (on globalThis), shared
 * by the Next.js routes and the collaboration server.
 */
export const SESSION_CHECK_TTL_MS = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CACHE = Symbol.for("beredning.session-check-cache");
type GlobalWithCache = typeof globalThis & { [CACHE]?: LRUCache<string, boolean> };

function checkCache(): LRUCache<string, boolean> {
  const global = globalThis as GlobalWithCache;
  if (!global[CACHE]) {
    global[CACHE] = new LRUCache<string, boolean>({ max: 10_000, ttl: SESSION_CHECK_TTL_MS });
  }
  return global[CACHE];
}

/** Sessions that have ended (here or on another node) answer inactive from now on. */
export function forgetEndedSessions(sessionIds: string[]): void {
  const cache = checkCache();
  for (const id of sessionIds) cache.set(id, false);
}

/** Whether the session record is neither revoked nor expired (from memory for a few seconds). */
export async function isSessionActive(db: Database, sessionId: string): Promise<boolean> {
  if (!UUID.test(sessionId)) return false;
  const cache = checkCache();
  const known = cache.get(sessionId);
  if (known !== undefined) return known;
  const active = await touchActiveSession(db, sessionId);
  cache.set(sessionId, active);
  return active;
}

/** Asks the database again, not memory: for the periodic re-check of open sockets. */
export async function recheckSession(db: Database, sessionId: string): Promise<boolean> {
  checkCache().delete(sessionId);
  return isSessionActive(db, sessionId);
}
