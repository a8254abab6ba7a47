import type { ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import type { DatabaseConnection } from "../db/client";

/** GET /api/health: 200 when the database answers, 503 when it does not. */
export async function answerHealth(connection: DatabaseConnection, response: ServerResponse): Promise<void> {
  let ok = true;
  try {
    await connection.db.execute(sql`select 1`);
  } catch {
    ok = false;
  }
  response.writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify({ ok, db: connection.kind }));
}
