import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionToken, sessionClaimsFromCookies } from "./session-cookie";

const SECRET = "a-test-secret-that-is-long-enough-0123456789abcdef";
const SESSION = "8a0f3c1e-2b4d-4e6f-8a1b-3c5d7e9f1a2b";

describe("session cookies on the WebSocket upgrade", () => {
  it("reads plain, secure, chunked and encoded session cookies", () => {
    expect(readSessionToken("a=1; next-auth.session-token=abc")).toBe("abc");
    expect(readSessionToken("__Secure-next-auth.session-token=sec")).toBe("sec");
    expect(readSessionToken("next-auth.session-token.0=ab; next-auth.session-token.1=cd")).toBe("abcd");
    expect(readSessionToken("next-auth.session-token=%E2%9C%93; bad")).toBe("✓");
    expect(readSessionToken("other=1")).toBeNull();
  });

  it("accepts a valid session and refuses another secret's, an expired one, one without a session id and garbage", async () => {
    const token = await encode({ token: { sub: "user-1", sid: SESSION }, secret: SECRET, maxAge: 60 });
    const claims = { userId: "user-1", sessionId: SESSION };
    expect(await sessionClaimsFromCookies(`next-auth.session-token=${token}`, SECRET)).toEqual(claims);
    // Asked again (now from memory), with another secret it is still refused.
    expect(await sessionClaimsFromCookies(`next-auth.session-token=${token}`, SECRET)).toEqual(claims);
    expect(await sessionClaimsFromCookies(`next-auth.session-token=${token}`, `${SECRET}-other`)).toBeNull();
    const expired = await encode({ token: { sub: "user-1", sid: SESSION }, secret: SECRET, maxAge: -10 });
    expect(await sessionClaimsFromCookies(`next-auth.session-token=${expired}`, SECRET)).toBeNull();
    const withoutSession = await encode({ token: { sub: "user-1" }, secret: SECRET, maxAge: 60 });
    expect(await sessionClaimsFromCookies(`next-auth.session-token=${withoutSession}`, SECRET)).toBeNull();
    expect(await sessionClaimsFromCookies("next-auth.session-token=garbage", SECRET)).toBeNull();
    expect(await sessionClaimsFromCookies(undefined, SECRET)).toBeNull();
  });
});
