import { expect } from "vitest";
import { findFreePort, spawnServerProcess, waitForHealth } from "./child-server";
import { CookieJar } from "./cookie-jar";
import type { ChildProcessDatabase } from "./database";
import { startTestIdentityProvider, type TestIdentityProvider } from "./oidc-provider";

/** A whole app signing in through a test identity provider, and a browser's ways of signing in to it. */
export interface OidcApp {
  origin: string;
  provider: TestIdentityProvider;
  signInWithPassword(email: string, password: string): Promise<CookieJar>;
  /** "Logga in med organisationens inloggning" as `subject`, in a browser of its own; where it lands. */
  signInThroughProvider(subject: string): Promise<{ jar: CookieJar; url: URL; status: number; page: string }>;
  /** A JSON request with the jar's session. */
  call(jar: CookieJar, method: string, path: string, body?: unknown): Promise<Response>;
}

const SERVER_LIFETIME_MS = 600_000;

/**
 * The app (Next.js included, development mode: no build needed) on `database`, with a test identity
 * provider of its own and the given extra settings. The caller stops both: killServerProcesses()
 * and `provider.close()`.
 */
export async function startOidcApp(
  database: ChildProcessDatabase,
  settings: Record<string, string>,
): Promise<OidcApp> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const provider = await startTestIdentityProvider(origin);
  const server = spawnServerProcess(
    port,
    {
      ...database.env,
      BEREDNING_PARTS: "all",
      NODE_ENV: "development",
      NEXTAUTH_URL: origin,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      ...settings,
    },
    SERVER_LIFETIME_MS,
  );
  await waitForHealth(server, 120_000);

  const form = (fields: Record<string, string>): RequestInit => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams(fields),
  });
  async function csrfToken(jar: CookieJar): Promise<string> {
    const response = await jar.fetch(`${origin}/api/auth/csrf`);
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  return {
    origin,
    provider,
    async signInWithPassword(email, password) {
      const jar = new CookieJar();
      const fields = { csrfToken: await csrfToken(jar), email, password, json: "true" };
      const response = await jar.fetch(`${origin}/api/auth/callback/credentials`, form(fields));
      expect(response.status).toBe(200);
      expect(jar.cookieHeader(origin)).toContain("next-auth.session-token=");
      return jar;
    },
    async signInThroughProvider(subject) {
      provider.signInAs(subject);
      const jar = new CookieJar();
      const start = `${origin}/api/auth/signin/oidc`;
      const fields = { csrfToken: await csrfToken(jar), callbackUrl: `${origin}/` };
      const landed = await jar.follow(await jar.fetch(start, form(fields)), start);
      return { jar, url: landed.url, status: landed.response.status, page: await landed.response.text() };
    },
    call(jar, method, path, body) {
      return jar.fetch(`${origin}${path}`, {
        method,
        headers: { "content-type": "application/json", origin },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}

/** A user's roles as the administration API lists them, or null for an unknown address. */
export async function rolesOf(app: OidcApp, admin: CookieJar, email: string) {
  const response = await app.call(admin, "GET", `/api/admin/users?q=${encodeURIComponent(email)}`);
  const { users } = (await response.json()) as {
    users: { email: string; roles: { role: string; unitId: string | null; unitName: string | null }[] }[];
  };
  return users.find((user) => user.email === email)?.roles ?? null;
}
