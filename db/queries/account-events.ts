import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { accountEvents } from "../schema";

export type AccountAction = (typeof accountEvents.$inferInsert)["action"];

export interface AccountEventEntry {
  userId: string | null;
  email: string;
  clientAddress: string | null;
  action: AccountAction;
  actorId?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAccountEvent(db: Database, entry: AccountEventEntry): Promise<void> {
  await db.insert(accountEvents).values({ ...entry, details: entry.details ?? {} });
}

/**
 * Failed sign-ins within the window since the last successful one, for an e-mail address or a
 * client address: what the login throttle decides on.
 */
export async function recentLoginFailures(
  db: Database,
  key: { email: string } | { clientAddress: string },
  windowMs: number,
): Promise<number> {
  const column = "email" in key ? accountEvents.email : accountEvents.clientAddress;
  const value = "email" in key ? key.email : key.clientAddress;
  const since = sql`greatest(now() - make_interval(secs => ${windowMs / 1000}), coalesce((
    select max(${accountEvents.createdAt}) from ${accountEvents}
    where ${column} = ${value} and ${accountEvents.action} = 'login.succeeded'), '-infinity'::timestamptz))`;
  const [row] = await db
    .select({ failures: count() })
    .from(accountEvents)
    .where(
      and(eq(column, value), eq(accountEvents.action, "login.failed"), gt(accountEvents.createdAt, since)),
    );
  return row?.failures ?? 0;
}
