import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { getDb } from "../db/client";
import { findLoginByEmail } from "../db/queries/users";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) });

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
}

/**
 * Municipalities sign in through their own identity provider: enabled when OIDC_ISSUER,
 * OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. Accounts are not created on the fly; the
 * provider's e-mail must belong to an existing user.
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

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "E-post och lösenord",
      credentials: {
        email: { label: "E-post", type: "email" },
        password: { label: "Lösenord", type: "password" },
      },
      async authorize(credentials) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const login = await findLoginByEmail(await getDb(), parsed.data.email);
        if (!login?.passwordHash || !(await verifyPassword(parsed.data.password, login.passwordHash)))
          return null;
        return { id: login.id, name: login.name, email: login.email };
      },
    }),
    ...[oidcProvider()].filter((provider) => provider !== null),
  ],
  callbacks: {
    async signIn({ account, user }) {
      if (account?.provider !== "oidc") return true;
      return Boolean(user.email && (await findLoginByEmail(await getDb(), user.email)));
    },
    async jwt({ token, account, user }) {
      // The session names our user id, whichever provider signed the user in.
      if (account?.provider === "oidc" && user?.email) {
        const login = await findLoginByEmail(await getDb(), user.email);
        if (login) token.sub = login.id;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
