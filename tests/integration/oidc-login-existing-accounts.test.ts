import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killServerProcesses } from "../support/child-server";
import { type ChildProcessDatabase, createChildProcessDatabase } from "../support/database";
import { type OidcApp, rolesOf, startOidcApp } from "../support/oidc-app";

/*
 * Sign-in through a real OpenID Connect provider into a whole app without OIDC_AUTO_CREATE, and
 * without any group mapping: only existing accounts sign in, and they keep the roles the
 * administration gave them.
 */
const FLOW_TIMEOUT_MS = 240_000;

let database: ChildProcessDatabase;
let app: OidcApp;

beforeAll(async () => {
  database = await createChildProcessDatabase();
  app = await startOidcApp(database, {});
}, FLOW_TIMEOUT_MS);

afterAll(async () => {
  await killServerProcesses();
  await app?.provider.close();
  await database?.drop();
});

describe("signing in through the organisation's identity provider, to existing accounts only", () => {
  it(
    "refuses an address without an account with a Swedish message, and creates nothing",
    async () => {
      app.provider.accounts.set("ny", { email: "ny@exempel.se", name: "Ny Person", groups: ["bou"] });

      const refused = await app.signInThroughProvider("ny");
      expect(refused.url.pathname).toBe("/login");
      expect(refused.url.searchParams.get("error")).toBe("OidcUnknownAccount");
      expect(refused.page).toContain("du har inget konto i Beredning");
      expect(refused.jar.cookieHeader(app.origin)).not.toContain("next-auth.session-token=");
      const admin = await app.signInWithPassword("admin@demo.test", "beredning-demo");
      expect(await rolesOf(app, admin, "ny@exempel.se")).toBeNull();
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "signs an existing account in with the roles the administration gave it, while nothing is mapped",
    async () => {
      app.provider.accounts.set("sara", { email: "handlaggare.bou@demo.test", name: "Sara", groups: ["x"] });

      const signedIn = await app.signInThroughProvider("sara");
      expect(signedIn.url.pathname).toBe("/");
      expect(signedIn.page).toContain("Sara Lindqvist");
      expect(signedIn.page).toContain("Handläggare, Barn- och ungdomsenheten");
    },
    FLOW_TIMEOUT_MS,
  );
});
