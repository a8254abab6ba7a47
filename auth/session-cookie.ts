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
  try {
    const payload = await decode({ token, secret });
    const subject = payload?.sub;
    const expires = typeof payload?.exp === "number" ? payload.exp : 0;
    if (!subject || expires * 1000 < Date.now()) return null;
    return subject;
  } catch {
    return null;
  }
}
