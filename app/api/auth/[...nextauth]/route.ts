import NextAuth from "next-auth";
import { CLIENT_ADDRESS_HEADER } from "@/auth/client-address";
import { loginThrottlePolicy } from "@/auth/login-throttle-policy";
import { authOptions } from "@/auth/options";
import { LOGIN_LOCKED_MESSAGE } from "@/domain/login-throttle";
import { consoleLogger } from "@/server/collab/logger";
import { getDb } from "@/workflow/app-services";
import { loginThrottle } from "@/workflow/login";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * A password sign-in while the account or the client address is locked out is answered 429 here:
 * next-auth itself can only say that a sign-in failed. `url` is there for next-auth's client.
 */
async function POST(request: Request, context: Context) {
  if (new URL(request.url).pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    if (typeof email === "string") {
      const policy = loginThrottlePolicy();
      const decision = await loginThrottle(
        await getDb(),
        email,
        request.headers.get(CLIENT_ADDRESS_HEADER),
        policy,
        consoleLogger,
      );
      if (decision.locked) {
        const url = new URL("/login?error=locked", process.env.NEXTAUTH_URL).toString();
        return Response.json(
          { error: LOGIN_LOCKED_MESSAGE, url },
          {
            status: 429,
            headers: {
              "cache-control": "no-store",
              "retry-after": String(policy.windowMs / 1000),
            },
          },
        );
      }
    }
  }
  return handler(request, context);
}

export { handler as GET, POST };
