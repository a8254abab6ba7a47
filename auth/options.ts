import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { findLoginByEmail } from "../db/queries/users";
import { groupsFromClaim } from "../domain/oidc";
import { consoleLogger } from "../server/collab/logger";
import { getDb } from "../workflow/app-services";
import { attemptLogin } from "../workflow/login";
import { type OidcSignIn, signInThroughIdentityProvider } from "../workflow/oidc-sign-in";
import { openSession, signOutSession } from "../workflow/sessions";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { loginThrottlePolicy } from "./login-throttle-policy";
import { sessionMaxAgeSeconds } from "./session-lifetime";

const credentialsSchema = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) });

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
}

/** The claims of an ID token that the client has already verified (next-auth does, with `idToken`). */
function idTokenClaims(idToken: string | undefined): OidcProfile {
  const payload = idToken?.split(".")[1];
  if (!payload) throw new Error("The identity provider sent no ID token");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as OidcProfile;
}

/**
 * Municipalities sign in through their own identity provider: enabled when OIDC_ISSUER,
 * OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. The profile is the ID token's claims merged with
 * the userinfo endpoint's, since providers put the groups claim in one or the other.
 */
function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = process.env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: OIDC_NAME ?? "Organisationens inloggning",
    type: "oauth",
    wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    userinfo: {
      async request({ tokens, client }) {
        const fromIdToken = idTokenClaims(tokens.id_token);
        const { access_token } = tokens;
        if (!client.issuer.metadata.userinfo_endpoint || !access_token) return fromIdToken;
        const fromUserinfo = await client.userinfo(access_token);
        // The userinfo answer must be about the ID token's subject (OpenID Connect Core 5.3.2).
        if (fromUserinfo.sub !== fromIdToken.sub) throw new Error("userinfo sub differs from the ID token's");
        return { ...fromIdToken, ...fromUserinfo } as OidcProfile;
      },
    },
    checks: ["pkce", "state"],
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? profile.email ?? null,
    }),
  };
}

export function isOidcEnabled(): boolean {
  return oidcProvider() !== null;
}

/** Where a refused sign-in through the identity provider leads: the login page says why. */
const OIDC_REFUSALS: Record<Extract<OidcSignIn, { ok: false }>["reason"], string> = {
  "no-email": "/login?error=OidcNoEmail",
  "unknown-account": "/login?error=OidcUnknownAccount",
  deactivated: "/login?error=OidcDeactivated",
};

/** The account of a sign-in through the identity provider (created or with its roles synced), or where to go. */
async function identityProviderSignIn(profile: Record<string, unknown>): Promise<true | string> {
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const outcome = await signInThroughIdentityProvider(
    await getDb(),
    {
      email: text(profile.email),
      name: text(profile.name),
      groups: groupsFromClaim(profile, process.env.OIDC_GROUPS_CLAIM ?? "groups"),
    },
    { autoCreate: process.env.OIDC_AUTO_CREATE === "1" },
  );
  if (outcome.ok) return true;
  consoleLogger.info("identity provider sign-in refused", { reason: outcome.reason });
  return OIDC_REFUSALS[outcome.reason];
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

const maxAge = sessionMaxAgeSeconds();

export const authOptions: AuthOptions = {
  // One lifetime for the JWT, its cookie and the session record (which ends it even if the JWT is rolled).
  session: { strategy: "jwt", maxAge },
  jwt: { maxAge },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "E-post och lösenord",
      credentials: {
        email: { label: "E-post", type: "email" },
        password: { label: "Lösenord", type: "password" },
      },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const outcome = await attemptLogin(
          await getDb(),
          { ...parsed.data, clientAddress: headerValue(request.headers, CLIENT_ADDRESS_HEADER) },
          loginThrottlePolicy(),
          consoleLogger,
        );
        return outcome.ok ? outcome.user : null;
      },
    }),
    ...[oidcProvider()].filter((provider) => provider !== null),
  ],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      return identityProviderSignIn({ ...profile });
    },
    async jwt({ token, account, user }) {
      // The session names our user id, whichever provider signed the user in.
      if (account?.provider === "oidc" && user?.email) {
        const login = await findLoginByEmail(await getDb(), user.email);
        if (login) token.sub = login.id;
      }
      // A sign-in opens a server-side session record; the token carries its id from then on.
      if (user && token.sub) token.sid = await openSession(await getDb(), token.sub);
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await signOutSession(await getDb(), token.sid);
    },
  },
};
