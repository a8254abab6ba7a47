import { decode } from "next-auth/jwt";

/** next-auth's session cookie: the secure name is used over https. */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    const raw = part.slice(separator + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/** next-auth splits a session token over ~4 KB into `name.0`, `name.1`, … cookies. */
function readPossiblyChunked(cookies: Map<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index++)
    chunks.push(cookies.get(`${name}.${index}`) ?? "");
  return chunks.length > 0 ? chunks.join("") : null;
}

export function readSessionToken(cookieHeader: string | undefined): string | null {
  const cookies = parseCookieHeader(cookieHeader);
  for (const name of SESSION_COOKIE_NAMES) {
    const token = readPossiblyChunked(cookies, name);
    if (token) return token;
  }
  return null;
}

/*
 * Decrypting a session token derives its key with HKDF every time, which dominates the cost of a
 * WebSocket upgrade. A token never changes, so its subject and expiry are remembered (bounded,
 * oldest first out); the expiry is still checked on every use.
 */
const DECODED_TOKENS_MAX = 2000;
const decodedTokens = new Map<string, { subject: string; expiresAt: number }>();

function remember(key: string, value: { subject: string; expiresAt: number }) {
  if (decodedTokens.size >= DECODED_TOKENS_MAX) {
    const oldest = decodedTokens.keys().next().value;
    if (oldest !== undefined) decodedTokens.delete(oldest);
  }
  decodedTokens.set(key, value);
}

/**
 * The user id of a valid, unexpired next-auth session in a Cookie header, or null.
 * For plain Node requests (the WebSocket upgrade), where next-auth's helpers cannot read cookies.
 */
export async function sessionUserIdFromCookies(
  cookieHeader: string | undefined,
  secret: string,
): Promise<string | null> {
  const token = readSessionToken(cookieHeader);
  if (!token) return null;
  // The secret is part of the key: a token is only ever remembered as valid for the secret that decoded it.
  const key = `${secret}\u0000${token}`;
  let decoded = decodedTokens.get(key);
  if (!decoded) {
    try {
      const payload = await decode({ token, secret });
      if (!payload?.sub) return null;
      decoded = { subject: payload.sub, expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : 0 };
      remember(key, decoded);
    } catch {
      return null;
    }
  }
  return decoded.expiresAt > Date.now() ? decoded.subject : null;
}
