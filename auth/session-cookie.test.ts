import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { parseCookieHeader, readSessionToken, sessionUserIdFromCookies } from "./session-cookie";

const SECRET = "a-test-secret-that-is-long-enough-0123456789abcdef";

describe("session cookies on the WebSocket upgrade", () => {
  it("reads plain, secure and chunked session cookies", () => {
    expect(readSessionToken("a=1; next-auth.session-token=abc")).toBe("abc");
    expect(readSessionToken("__Secure-next-auth.session-token=sec")).toBe("sec");
    expect(readSessionToken("next-auth.session-token.0=ab; next-auth.session-token.1=cd")).toBe("abcd");
    expect(readSessionToken("other=1")).toBeNull();
    expect(parseCookieHeader("x=%E2%9C%93; bad").get("x")).toBe("✓");
  });

  it("accepts a valid session and refuses another secret's, an expired one and garbage", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret: SECRET, maxAge: 60 });
    expect(await sessionUserIdFromCookies(`next-auth.session-token=${token}`, SECRET)).toBe("user-1");
    // Asked again (now from memory), with another secret it is still refused.
    expect(await sessionUserIdFromCookies(`next-auth.session-token=${token}`, SECRET)).toBe("user-1");
    expect(await sessionUserIdFromCookies(`next-auth.session-token=${token}`, `${SECRET}-other`)).toBeNull();
    const expired = await encode({ token: { sub: "user-1" }, secret: SECRET, maxAge: -10 });
    expect(await sessionUserIdFromCookies(`next-auth.session-token=${expired}`, SECRET)).toBeNull();
    expect(await sessionUserIdFromCookies("next-auth.session-token=garbage", SECRET)).toBeNull();
    expect(await sessionUserIdFromCookies(undefined, SECRET)).toBeNull();
  });
});
