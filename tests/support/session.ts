import { eq } from "drizzle-orm";
import { decode, encode } from "next-auth/jwt";
import type { Database } from "../../db/client";
import { createSession } from "../../db/queries/sessions";
import { users } from "../../db/schema";

export const TEST_AUTH_SECRET = "test-secret-that-is-long-enough-for-next-auth-0123456789";

/**
 * A real next-auth session cookie (encrypted JWT) for a demo user, with its server-side session
 * record, as the login flow would set.
 */
export async function sessionCookieFor(
  db: Database,
  email: string,
  secret = TEST_AUTH_SECRET,
  /** Seconds until the session expires; negative for one that has already expired. */
  maxAge = 3600,
): Promise<string> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No user ${email}`);
  const sid = await createSession(db, user.id, maxAge);
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email, sid },
    secret,
    maxAge,
  });
  return `next-auth.session-token=${token}`;
}

/** The session record id inside a session cookie made by sessionCookieFor. */
export async function sessionIdOf(cookie: string, secret = TEST_AUTH_SECRET): Promise<string> {
  const payload = await decode({ token: cookie.slice(cookie.indexOf("=") + 1), secret });
  if (typeof payload?.sid !== "string") throw new Error("The cookie names no session");
  return payload.sid;
}
