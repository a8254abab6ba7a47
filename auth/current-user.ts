import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb } from "../db/client";
import { loadSessionUser, type SessionUser } from "../db/queries/users";
import { authOptions } from "./options";

/**
 * The signed-in user, loaded from the database on every request, so roles and access follow
 * the database at once and nothing the client holds is trusted beyond the signed session id.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadSessionUser(await getDb(), userId);
}

/** For pages: the signed-in user, or a redirect to the login page that returns here afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
