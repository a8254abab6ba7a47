import type { ServerResponse } from "node:http";
import type { Database } from "../db/client";
import { hasAnyUser } from "../db/queries/admin-users";

/** Paths reachable before the first administratör exists: the first-run page, its API, Next's assets. */
const OPEN_BEFORE_SETUP = [/^\/setup$/, /^\/api\/setup$/, /^\/_next\//, /^\/favicon\.ico$/];

export const SETUP_REQUIRED =
  "Beredning är inte i gång ännu: skapa organisationen och den första administratören på /setup";

/**
 * Until the database has a user, every page leads to /setup and every API answers 503. Once a
 * user exists it stays so (users are deactivated, never deleted), so the answer is kept.
 */
export function firstRunGate(db: Database) {
  let setUp = false;
  return async function holdsBack(pathname: string, response: ServerResponse): Promise<boolean> {
    if (setUp || OPEN_BEFORE_SETUP.some((open) => open.test(pathname))) return false;
    setUp = await hasAnyUser(db);
    if (setUp) return false;
    if (pathname.startsWith("/api/")) {
      response.writeHead(503, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(JSON.stringify({ error: SETUP_REQUIRED }));
    } else {
      response.writeHead(303, { location: "/setup", "cache-control": "no-store" });
      response.end();
    }
    return true;
  };
}
