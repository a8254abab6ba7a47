import { NextResponse } from "next/server";
import { currentUser } from "@/auth/current-user";
import type { SessionUser } from "@/db/queries/users";

export function jsonError(status: number, message: string): NextResponse {
  return NextResponse.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** Runs an API handler for a signed-in user; 401 without a session. */
export async function withUser(handler: (user: SessionUser) => Promise<NextResponse>): Promise<NextResponse> {
  const user = await currentUser();
  if (!user) return jsonError(401, "Inloggning krävs");
  return handler(user);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are validated before they reach a query: a malformed id is just an unknown one. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
