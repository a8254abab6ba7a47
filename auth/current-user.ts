import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { loadSessionUser, type SessionUser } from "../db/queries/users";
import { hasAnyRole } from "../domain/access";
import { getDb } from "../workflow/app-services";
import { isSessionActive } from "./session-check";
import { sessionClaimsFromCookies } from "./session-cookie";

/**
 * The signed-in user, loaded from the database on every request, so roles and access follow
 * the database at once and nothing the client holds is trusted beyond the signed session id.
 * A revoked or expired session record is no session.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  const claims = await sessionClaimsFromCookies((await headers()).get("cookie") ?? undefined, secret);
  if (!claims) return null;
  const db = await getDb();
  if (!(await isSessionActive(db, claims.sessionId))) return null;
  return loadSessionUser(db, claims.userId);
}

/** The page for a signed-in user without any role: it says whom to ask for access. */
export const NO_ACCESS_PATH = "/ingen-behorighet";

/**
 * For pages: the signed-in user, or a redirect to the login page that returns here afterwards;
 * a user without any role is sent to the no-access page.
 */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasAnyRole(user)) redirect(NO_ACCESS_PATH);
  return user;
}
