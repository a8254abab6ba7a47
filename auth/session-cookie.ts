import { parseCookie } from "cookie";
import { LRUCache } from "lru-cache";
import { decode } from "next-auth/jwt";

/** next-auth's session cookie: the secure name is used over https. */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** next-auth splits a session token over ~4 KB into `name.0`, `name.1`, … cookies. */
function readPossiblyChunked(cookies: Record<string, string | undefined>, name: string): string | null {
  const whole = cookies[name];
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; cookies[`${name}.${index}`] !== undefined; index++)
    chunks.push(cookies[`${name}.${index}`] ?? "");
  return chunks.length > 0 ? chunks.join("") : null;
}

export function readSessionToken(cookieHeader: string | undefined): string | null {
  const cookies = parseCookie(cookieHeader ?? "");
  for (const name of SESSION_COOKIE_NAMES) {
    const token = readPossiblyChunked(cookies, name);
    if (token) return token;
  }
  return null;
}

/** Who a session token names: the user and the server-side session record. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/*
 * Decrypting a session token derives its key with HKDF every time, which dominates the cost of a
 * WebSocket upgrade. A token never changes, so its claims and expiry are remembered; the expiry
 * is still checked on every use.
 */
const decodedTokens = new LRUCache<string, SessionClaims & { expiresAt: number }>({ max: 2000 });

/**
 * The claims of a valid, unexpired next-auth session in a Cookie header, or null. For plain Node
 * requests (the WebSocket upgrade), where next-auth's helpers cannot read cookies. Whether the
 * session has been revoked is asked separately (auth/session-check.ts).
 */
export async function sessionClaimsFromCookies(
  cookieHeader: string | undefined,
  secret: string,
): Promise<SessionClaims | null> {
  const token = readSessionToken(cookieHeader);
  if (!token) return null;
  // The secret is part of the key: a token is only ever remembered as valid for the secret that decoded it.
  const key = `${secret}\u0000${token}`;
  let decoded = decodedTokens.get(key);
  if (!decoded) {
    try {
      const payload = await decode({ token, secret });
      if (!payload?.sub || typeof payload.sid !== "string") return null;
      const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : 0;
      decoded = { userId: payload.sub, sessionId: payload.sid, expiresAt };
      decodedTokens.set(key, decoded);
    } catch {
      return null;
    }
  }
  return decoded.expiresAt > Date.now() ? { userId: decoded.userId, sessionId: decoded.sessionId } : null;
}
