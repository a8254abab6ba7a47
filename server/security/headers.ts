import { randomBytes } from "node:crypto";

/**
 * The Content-Security-Policy of every response. Scripts run only with the request's nonce (Next.js
 * reads it from the request's own CSP header and puts it on its script tags), and what they load
 * ('strict-dynamic'); eval only in development, where React's tooling needs it. Styles may be
 * inline: the editor positions carets and menus with style attributes.
 */
export function contentSecurityPolicy(publicUrl: URL, nonce: string, dev: boolean): string {
  const socketOrigin = `${publicUrl.protocol === "https:" ? "wss:" : "ws:"}//${publicUrl.host}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${socketOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), display-capture=()";

/** The security headers of a response; the nonce also goes into the request for Next.js to use. */
export function securityHeaders(
  publicUrl: URL,
  dev: boolean,
): { nonce: string; headers: Record<string, string> } {
  const nonce = randomBytes(16).toString("base64");
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(publicUrl, nonce, dev),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "permissions-policy": PERMISSIONS_POLICY,
  };
  if (publicUrl.protocol === "https:") {
    headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  }
  return { nonce, headers };
}
