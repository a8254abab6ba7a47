import type { Server } from "node:http";
import Provider from "oidc-provider";
import { findFreePort } from "./child-server";

/** A person the test identity provider knows: their claims, groups included, are read at each sign-in. */
export interface TestAccount {
  email: string;
  name: string;
  groups: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The accounts by subject; a test may change their groups between sign-ins. */
  accounts: Map<string, TestAccount>;
  /** The subject the next interaction signs in, as if that person had typed their password. */
  signInAs(subject: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a free loopback port, with one confidential
 * client for the app at `appOrigin`. Its login interaction signs in the account chosen by
 * `signInAs` without a form, and consent is implied, so a test drives the flow with plain requests.
 * Groups are released with the `openid` scope, as Entra ID sends them without a scope of their own.
 */
export async function startTestIdentityProvider(appOrigin: string): Promise<TestIdentityProvider> {
  const port = await findFreePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "beredning";
  const clientSecret = "test-client-secret-that-is-long-enough";
  const accounts = new Map<string, TestAccount>();
  let subject: string | null = null;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appOrigin}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub", "groups"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["test-identity-provider-cookie-key"] },
    // Lifetimes of its own (seconds), so oidc-provider does not warn about its defaults.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: false } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email_verified: true, ...account }),
      };
    },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    if (ctx.method !== "GET" || !ctx.path.startsWith("/interaction/")) return next();
    const interaction = await provider.interactionDetails(ctx.req, ctx.res);
    if (interaction.prompt.name !== "login" || !subject) throw new Error("No account to sign in");
    const result = { login: { accountId: subject } };
    ctx.status = 303;
    ctx.redirect(
      await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false }),
    );
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, "127.0.0.1", () => resolve(listening));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signInAs(next) {
      subject = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
