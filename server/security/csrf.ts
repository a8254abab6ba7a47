import type { IncomingMessage } from "node:http";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** next-auth's own routes: form posts that carry next-auth's CSRF token. */
function isNextAuthPath(pathname: string): boolean {
  return pathname.startsWith("/api/auth/");
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export interface Refusal {
  status: 403 | 415;
  error: string;
}

export const FOREIGN_ORIGIN_MESSAGE = "Förfrågan kommer från en annan webbplats och avvisas.";
export const NOT_JSON_MESSAGE = "Förfrågan måste skickas som JSON (Content-Type: application/json).";

/**
 * Cross-site request forgery, refused for every route in one place. A state-changing request must
 * come from our own origin: its Origin header, or Sec-Fetch-Site when a browser sends no Origin.
 * (Browsers send at least one of them with every such request; a client that sends neither is no
 * browser, and so carries no victim's cookie unasked.) Its body must be declared JSON, which a
 * form of another page cannot do without a CORS preflight that we never grant.
 */
export function csrfRefusal(request: IncomingMessage, pathname: string, ownOrigin: string): Refusal | null {
  if (!STATE_CHANGING.has(request.method ?? "GET")) return null;
  const origin = request.headers.origin;
  const fetchSite = request.headers["sec-fetch-site"];
  const foreign =
    origin !== undefined ? origin !== ownOrigin : fetchSite !== undefined && fetchSite !== "same-origin";
  if (foreign) return { status: 403, error: FOREIGN_ORIGIN_MESSAGE };
  if (isNextAuthPath(pathname)) return null;
  if (mediaType(request.headers["content-type"]) !== "application/json") {
    return { status: 415, error: NOT_JSON_MESSAGE };
  }
  return null;
}
