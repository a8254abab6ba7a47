import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findFreePort,
  killServerProcesses,
  spawnServerProcess,
  waitForHealth,
} from "../support/child-server";
import { CookieJar } from "../support/cookie-jar";
import { type ChildProcessDatabase, createChildProcessDatabase } from "../support/database";
import { startTestIdentityProvider, type TestIdentityProvider } from "../support/oidc-provider";

/*
 * Sign-in through a real OpenID Connect provider (oidc-provider, started here) into a whole app
 * (Next.js included, development mode: no build needed) with OIDC_AUTO_CREATE=1: next-auth's
 * authorization-code flow with PKCE, followed redirect by redirect as a browser does. The
 * administratör maps groups to roles through the API, and the roles are read back through it.
 */
const SERVER_LIFETIME_MS = 600_000;
const FLOW_TIMEOUT_MS = 240_000;

let database: ChildProcessDatabase;
let provider: TestIdentityProvider;
let origin: string;
let admin: CookieJar;

async function startWholeApp(port: number): Promise<void> {
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
      OIDC_AUTO_CREATE: "1",
    },
    SERVER_LIFETIME_MS,
  );
  await waitForHealth(server, 120_000);
}

function form(fields: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams(fields),
  };
}

async function csrfToken(jar: CookieJar): Promise<string> {
  const response = await jar.fetch(`${origin}/api/auth/csrf`);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function signInWithPassword(email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const fields = { csrfToken: await csrfToken(jar), email, password, json: "true" };
  const response = await jar.fetch(`${origin}/api/auth/callback/credentials`, form(fields));
  expect(response.status).toBe(200);
  expect(jar.cookieHeader(origin)).toContain("next-auth.session-token=");
  return jar;
}

/** "Logga in med organisationens inloggning" as `subject`, in a browser of its own; where it lands. */
async function signInThroughProvider(subject: string) {
  provider.signInAs(subject);
  const jar = new CookieJar();
  const start = `${origin}/api/auth/signin/oidc`;
  const response = await jar.fetch(
    start,
    form({ csrfToken: await csrfToken(jar), callbackUrl: `${origin}/` }),
  );
  const landed = await jar.follow(response, start);
  return { jar, url: landed.url, status: landed.response.status, page: await landed.response.text() };
}

async function adminApi(method: string, path: string, body?: unknown): Promise<Response> {
  return admin.fetch(`${origin}${path}`, {
    method,
    headers: { "content-type": "application/json", origin },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function rolesOf(email: string) {
  const response = await adminApi("GET", `/api/admin/users?q=${encodeURIComponent(email)}`);
  const { users } = (await response.json()) as {
    users: { email: string; roles: { role: string; unitName: string | null }[] }[];
  };
  return users.find((user) => user.email === email)?.roles ?? null;
}

beforeAll(async () => {
  database = await createChildProcessDatabase();
  const port = await findFreePort();
  origin = `http://127.0.0.1:${port}`;
  provider = await startTestIdentityProvider(origin);
  await startWholeApp(port);
  admin = await signInWithPassword("admin@demo.test", "beredning-demo");
  const { units } = (await (await adminApi("GET", "/api/admin/units")).json()) as {
    units: { id: string; name: string }[];
  };
  const bou = units.find((unit) => unit.name === "Barn- och ungdomsenheten");
  const mappings = [
    { group: "bou-handlaggare", role: "handlaggare", unitId: bou?.id },
    { group: "granskning", role: "granskare" },
  ];
  for (const mapping of mappings) {
    expect((await adminApi("POST", "/api/admin/oidc-mappings", mapping)).status).toBe(201);
  }
}, FLOW_TIMEOUT_MS);

afterAll(async () => {
  await killServerProcesses();
  await provider?.close();
  await database?.drop();
});

describe("signing in through the organisation's identity provider", () => {
  it(
    "creates the account at the first sign-in with its group's roles, and a changed group changes them at the next",
    async () => {
      provider.accounts.set("anna", {
        email: "Anna.Berg@exempel.se",
        name: "Anna Berg",
        groups: ["bou-handlaggare"],
      });

      const first = await signInThroughProvider("anna");
      expect(first.url.href).toBe(`${origin}/`);
      expect(first.status).toBe(200);
      expect(await rolesOf("anna.berg@exempel.se")).toEqual([
        { role: "handlaggare", unitId: expect.any(String), unitName: "Barn- och ungdomsenheten" },
      ]);
      expect((await first.jar.fetch(`${origin}/api/statements`)).status).toBe(200);

      provider.accounts.set("anna", {
        email: "anna.berg@exempel.se",
        name: "Anna Berg",
        groups: ["granskning"],
      });
      const second = await signInThroughProvider("anna");
      expect(second.url.pathname).toBe("/");
      expect(await rolesOf("anna.berg@exempel.se")).toEqual([
        { role: "granskare", unitId: null, unitName: null },
      ]);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "leads an account whose groups map to no role to the no-access page, and to nothing else",
    async () => {
      provider.accounts.set("olle", { email: "olle@exempel.se", name: "Olle Ny", groups: ["okand-grupp"] });

      const signedIn = await signInThroughProvider("olle");
      expect(signedIn.url.pathname).toBe("/ingen-behorighet");
      expect(signedIn.status).toBe(200);
      expect(signedIn.page).toContain("Du har ingen behörighet i Beredning ännu");
      expect(signedIn.page).toContain("mailto:admin@demo.test");
      expect(await rolesOf("olle@exempel.se")).toEqual([]);

      const statements = await signedIn.jar.fetch(`${origin}/api/statements`);
      expect(statements.status).toBe(403);
      expect(await statements.json()).toEqual({ error: "Ditt konto har ingen roll i Beredning ännu" });
      const page = await signedIn.jar.follow(
        await signedIn.jar.fetch(`${origin}/statements/new`),
        `${origin}/`,
      );
      expect(page.url.pathname).toBe("/ingen-behorighet");
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "refuses a deactivated account with a Swedish message on the login page",
    async () => {
      provider.accounts.set("olle", { email: "olle@exempel.se", name: "Olle Ny", groups: ["granskning"] });
      const { users } = (await (await adminApi("GET", "/api/admin/users?q=olle@exempel.se")).json()) as {
        users: { id: string }[];
      };
      const deactivated = await adminApi("PATCH", `/api/admin/users/${users[0]?.id}`, { active: false });
      expect(deactivated.status).toBe(200);

      const refused = await signInThroughProvider("olle");
      expect(refused.url.pathname).toBe("/login");
      expect(refused.url.searchParams.get("error")).toBe("OidcDeactivated");
      expect(refused.page).toContain("Ditt konto i Beredning är avaktiverat.");
      expect(refused.jar.cookieHeader(origin)).not.toContain("next-auth.session-token=");
    },
    FLOW_TIMEOUT_MS,
  );
});
