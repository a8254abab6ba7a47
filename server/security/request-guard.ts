import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "../../auth/client-address";
import { csrfRefusal } from "./csrf";
import { securityHeaders } from "./headers";

/**
 * The one gate every HTTP request passes before Next.js or the health check sees it: security
 * headers on the response (and the CSP nonce in the request, for Next.js), the client's address
 * for the login throttle, and the CSRF checks. False when it has answered the request itself.
 */
export function guardRequest(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  publicUrl: URL,
  dev: boolean,
): boolean {
  const { headers } = securityHeaders(publicUrl, dev);
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  request.headers["content-security-policy"] = headers["content-security-policy"];
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  const refusal = csrfRefusal(request, pathname, publicUrl.origin);
  if (!refusal) return true;
  response.writeHead(refusal.status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify({ error: refusal.error }));
  return false;
}
