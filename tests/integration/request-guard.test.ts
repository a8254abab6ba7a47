import { describe, expect, it } from "vitest";
import { collabFixture } from "../support/fixture";

/*
 * The gate in front of every route (server/security/), on the collaboration-only server: routes the
 * gate lets through answer 404 there, so 403 and 415 come from the gate alone. End-to-end, against
 * the real routes and with nothing changed, in e2e/security-api.spec.ts.
 */
const collab = collabFixture();

function post(path: string, headers: Record<string, string>, body?: string, method = "POST") {
  return fetch(`http://127.0.0.1:${collab.server.port}${path}`, { method, headers, body });
}

describe("the request gate", () => {
  it("refuses state-changing requests of other origins, same-site ones included, with 403", async () => {
    const own = `http://127.0.0.1:${collab.server.port}`;
    const json = { "content-type": "application/json" };
    for (const headers of [
      { ...json, origin: "https://evil.example" },
      { ...json, origin: "http://127.0.0.1:1" },
      { ...json, origin: "null" },
      { ...json, "sec-fetch-site": "same-site" },
      { ...json, "sec-fetch-site": "cross-site" },
    ]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const response = await post(
          "/api/statements",
          headers,
          method === "DELETE" ? undefined : "{}",
          method,
        );
        expect(response.status, `${method} ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.json()).toEqual({
          error: "Förfrågan kommer från en annan webbplats och avvisas.",
        });
      }
    }
    // Own origin, JSON: through the gate.
    expect((await post("/api/statements", { ...json, origin: own }, "{}")).status).toBe(404);
    expect((await post("/api/statements", { ...json, "sec-fetch-site": "same-origin" }, "{}")).status).toBe(
      404,
    );
  });

  it("refuses bodies not declared JSON with 415, bodiless posts included, but not next-auth's forms", async () => {
    const own = `http://127.0.0.1:${collab.server.port}`;
    const cases: Record<string, string>[] = [
      { origin: own, "content-type": "text/plain" },
      { origin: own, "content-type": "application/x-www-form-urlencoded" },
      { origin: own, "content-type": "multipart/form-data; boundary=x" },
      { origin: own },
    ];
    for (const headers of cases) {
      const response = await post(
        "/api/statements/x/finalise",
        headers,
        headers["content-type"] ? "{}" : undefined,
      );
      expect(response.status, JSON.stringify(headers)).toBe(415);
    }
    const form = { origin: own, "content-type": "application/x-www-form-urlencoded" };
    expect((await post("/api/auth/callback/credentials", form, "csrfToken=x")).status).toBe(404);
    expect(
      (await post("/api/auth/callback/credentials", { ...form, origin: "http://127.0.0.1:1" }, "")).status,
    ).toBe(403);
  });

  it("puts the security headers on every response", async () => {
    const response = await fetch(`http://127.0.0.1:${collab.server.port}/api/health`);
    expect(response.headers.get("content-security-policy")).toMatch(
      new RegExp(
        `script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic';.*connect-src 'self' ws://127\\.0\\.0\\.1:${collab.server.port};.*frame-ancestors 'none'`,
      ),
    );
    expect(response.headers.get("content-security-policy")).not.toContain("unsafe-eval");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("the request gate behind https", () => {
  const secure = collabFixture({ NEXTAUTH_URL: "https://beredning.example" });

  it("adds HSTS, allows wss to the public host, and takes the public origin as its own", async () => {
    const base = `http://127.0.0.1:${secure.server.port}`;
    const response = await fetch(`${base}/api/health`);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(response.headers.get("content-security-policy")).toContain(
      "connect-src 'self' wss://beredning.example",
    );
    const json = { "content-type": "application/json" };
    expect(
      (await fetch(`${base}/api/statements`, { method: "POST", headers: { ...json, origin: base } })).status,
    ).toBe(403);
    const own = await fetch(`${base}/api/statements`, {
      method: "POST",
      headers: { ...json, origin: "https://beredning.example" },
    });
    expect(own.status).toBe(404);
  });
});
