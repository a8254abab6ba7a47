import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killServerProcesses } from "../support/child-server";
import type { CookieJar } from "../support/cookie-jar";
import { type ChildProcessDatabase, createChildProcessDatabase } from "../support/database";
import { type OidcApp, rolesOf, startOidcApp } from "../support/oidc-app";

/*
 * Sign-in through a real OpenID Connect provider (oidc-provider, started here) into a whole app with
 * OIDC_AUTO_CREATE=1: next-auth's authorization-code flow with PKCE, followed redirect by redirect
 * as a browser does. The administratör maps groups to roles through the API and reads roles back.
 */
const FLOW_TIMEOUT_MS = 240_000;

let database: ChildProcessDatabase;
let app: OidcApp;
let admin: CookieJar;

beforeAll(async () => {
  database = await createChildProcessDatabase();
  app = await startOidcApp(database, { OIDC_AUTO_CREATE: "1" });
  admin = await app.signInWithPassword("admin@demo.test", "beredning-demo");
  const { units } = (await (await app.call(admin, "GET", "/api/admin/units")).json()) as {
    units: { id: string; name: string }[];
  };
  const bou = units.find((unit) => unit.name === "Barn- och ungdomsenheten");
  const mappings = [
    { group: "bou-handlaggare", role: "handlaggare", unitId: bou?.id },
    { group: "granskning", role: "granskare" },
  ];
  for (const mapping of mappings) {
    expect((await app.call(admin, "POST", "/api/admin/oidc-mappings", mapping)).status).toBe(201);
  }
}, FLOW_TIMEOUT_MS);

afterAll(async () => {
  await killServerProcesses();
  await app?.provider.close();
  await database?.drop();
});

describe("signing in through the organisation's identity provider, with accounts created", () => {
  it(
    "creates the account at the first sign-in with its group's roles, and a changed group changes them at the next",
    async () => {
      const { accounts } = app.provider;
      accounts.set("anna", { email: "Anna.Berg@exempel.se", name: "Anna Berg", groups: ["bou-handlaggare"] });

      const first = await app.signInThroughProvider("anna");
      expect(first.url.href).toBe(`${app.origin}/`);
      expect(first.status).toBe(200);
      expect(await rolesOf(app, admin, "anna.berg@exempel.se")).toEqual([
        { role: "handlaggare", unitId: expect.any(String), unitName: "Barn- och ungdomsenheten" },
      ]);
      expect((await app.call(first.jar, "GET", "/api/statements")).status).toBe(200);

      accounts.set("anna", { email: "anna.berg@exempel.se", name: "Anna Berg", groups: ["granskning"] });
      const second = await app.signInThroughProvider("anna");
      expect(second.url.pathname).toBe("/");
      expect(await rolesOf(app, admin, "anna.berg@exempel.se")).toEqual([
        { role: "granskare", unitId: null, unitName: null },
      ]);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "leads an account whose groups map to no role to the no-access page, and to nothing else",
    async () => {
      app.provider.accounts.set("olle", {
        email: "olle@exempel.se",
        name: "Olle Ny",
        groups: ["okand-grupp"],
      });

      const signedIn = await app.signInThroughProvider("olle");
      expect(signedIn.url.pathname).toBe("/ingen-behorighet");
      expect(signedIn.status).toBe(200);
      expect(signedIn.page).toContain("Du har ingen behörighet i Beredning ännu");
      expect(signedIn.page).toContain("mailto:admin@demo.test");
      expect(await rolesOf(app, admin, "olle@exempel.se")).toEqual([]);

      const statements = await app.call(signedIn.jar, "GET", "/api/statements");
      expect(statements.status).toBe(403);
      expect(await statements.json()).toEqual({ error: "Ditt konto har ingen roll i Beredning ännu" });
      const newStatement = `${app.origin}/statements/new`;
      const page = await signedIn.jar.follow(await signedIn.jar.fetch(newStatement), newStatement);
      expect(page.url.pathname).toBe("/ingen-behorighet");
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "refuses a deactivated account with a Swedish message on the login page",
    async () => {
      app.provider.accounts.set("olle", {
        email: "olle@exempel.se",
        name: "Olle Ny",
        groups: ["granskning"],
      });
      const { users } = (await (
        await app.call(admin, "GET", "/api/admin/users?q=olle@exempel.se")
      ).json()) as {
        users: { id: string }[];
      };
      const deactivated = await app.call(admin, "PATCH", `/api/admin/users/${users[0]?.id}`, {
        active: false,
      });
      expect(deactivated.status).toBe(200);

      const refused = await app.signInThroughProvider("olle");
      expect(refused.url.pathname).toBe("/login");
      expect(refused.url.searchParams.get("error")).toBe("OidcDeactivated");
      expect(refused.page).toContain("Ditt konto i Beredning är avaktiverat.");
      expect(refused.jar.cookieHeader(app.origin)).not.toContain("next-auth.session-token=");
    },
    FLOW_TIMEOUT_MS,
  );
});
