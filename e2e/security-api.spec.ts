import { readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { decode } from "next-auth/jwt";
import { LoginPage } from "./pages/login-page";

/*
 * Web security over HTTP, against both databases: CSRF with a victim's cookie, sessions that end,
 * the JWT's lifetime, security headers on every page, and text no column takes.
 */

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};

/** The session secret the app under test generated in its data folder. */
function authSecret(projectName: string): string {
  const dataDir = process.env.E2E_DATA_DIR ?? "";
  const folder = projectName === "postgres" ? path.join(dataDir, "postgres-app") : dataDir;
  return readFileSync(path.join(folder, "auth-secret"), "utf8").trim();
}

async function sessionToken(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find(({ name }) =>
    name.endsWith("next-auth.session-token"),
  );
  if (!cookie) throw new Error("No session cookie");
  return cookie.value;
}

async function statementCount(api: APIRequestContext): Promise<number> {
  const response = await api.get("/api/statements");
  return ((await response.json()) as { statements: unknown[] }).statements.length;
}

async function seedStatementId(api: APIRequestContext): Promise<string> {
  const response = await api.get("/api/statements");
  const { statements } = (await response.json()) as { statements: { id: string; title: string }[] };
  const seed = statements.find(({ title }) => title.includes("Om ökad jämlikhet"));
  if (!seed) throw new Error("No seed statement");
  return seed.id;
}

const NEW_STATEMENT = {
  recipient: "Hässelby-Vällingby stadsdelsnämnd",
  title: "Förfalskad",
  preparingUnitIds: [],
};

test("requests forged with the victim's cookie from another origin or port are refused, and nothing changes", async ({
  browser,
  baseURL,
}) => {
  const page = await LoginPage.signIn(browser, "direktor@demo.test");
  const api = page.request;
  const before = await statementCount(api);
  const sameSiteOtherPort = "http://127.0.0.1:1";
  const id = await seedStatementId(api);
  const forged = [
    // A text/plain form post (or a no-cors fetch) whose body is JSON, from another port and another site.
    api.post("/api/statements", {
      headers: { origin: sameSiteOtherPort, "content-type": "text/plain" },
      data: JSON.stringify(NEW_STATEMENT),
    }),
    api.post("/api/statements", {
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
      data: JSON.stringify(NEW_STATEMENT),
    }),
    // A bodiless form post that would finalise.
    api.post(`/api/statements/${id}/finalise`, {
      headers: { origin: sameSiteOtherPort, "content-type": "application/x-www-form-urlencoded" },
    }),
    // A browser that sends no Origin but says where the request came from.
    api.post(`/api/statements/${id}/finalise`, { headers: { "sec-fetch-site": "same-site" } }),
  ];
  for (const response of await Promise.all(forged)) expect(response.status(), response.url()).toBe(403);
  // From our own origin, a body not declared JSON is refused as well.
  const plain = await api.post("/api/statements", {
    headers: { origin: baseURL ?? "", "content-type": "text/plain" },
    data: JSON.stringify(NEW_STATEMENT),
  });
  expect(plain.status()).toBe(415);
  const bodiless = await api.post(`/api/statements/${id}/finalise`, { headers: { origin: baseURL ?? "" } });
  expect(bodiless.status()).toBe(415);

  expect(await statementCount(api)).toBe(before);
  const seed = await api.get(`/api/statements/${id}`);
  expect(((await seed.json()) as { status: string }).status).toBe("draft");
});

test("the JWT expires 12 h after it is issued", async ({ browser }, testInfo) => {
  const page = await LoginPage.signIn(browser, "granskare@demo.test");
  const payload = await decode({
    token: await sessionToken(page),
    secret: authSecret(testInfo.project.name),
  });
  expect(typeof payload?.sid).toBe("string");
  expect(Number(payload?.exp) - Number(payload?.iat)).toBe(12 * 60 * 60);
  const cookie = (await page.context().cookies()).find(({ name }) =>
    name.endsWith("next-auth.session-token"),
  );
  expect(Math.round((cookie?.expires ?? 0) - Date.now() / 1000)).toBeGreaterThan(12 * 60 * 60 - 60);
  expect(Math.round((cookie?.expires ?? 0) - Date.now() / 1000)).toBeLessThanOrEqual(12 * 60 * 60);
});

test("after Logga ut, a copy of the old cookie gets 401", async ({ browser, playwright, baseURL }) => {
  const page = await LoginPage.signIn(browser, "handlaggare.eb@demo.test");
  const token = await sessionToken(page);
  const copy = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `next-auth.session-token=${token}` },
  });
  expect((await copy.get("/api/statements")).status()).toBe(200);
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/login/);
  const refused = await copy.get("/api/statements");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: "Inloggning krävs" });
  await copy.dispose();
});

test("users end all their own sessions through the API", async ({ browser }) => {
  const json = { "content-type": "application/json" };
  const first = await LoginPage.signIn(browser, "enhetschef.eb@demo.test");
  const second = await LoginPage.signIn(browser, "enhetschef.eb@demo.test");
  const ended = await first.request.delete("/api/users/me/sessions", { headers: json });
  expect(ended.status()).toBe(200);
  expect(((await ended.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(2);
  for (const page of [first, second]) expect((await page.request.get("/api/statements")).status()).toBe(401);

  const admin = await LoginPage.signIn(browser, "admin@demo.test");
  const unknown = await admin.request.delete("/api/users/00000000-0000-4000-8000-000000000000/sessions", {
    headers: json,
  });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: "Användaren finns inte" });
});

test("the security headers are on every page and API answer", async ({ browser }) => {
  const page = await LoginPage.signIn(browser, "handlaggare.bou@demo.test");
  const id = await seedStatementId(page.request);
  for (const url of [
    "/",
    "/login",
    `/statements/${id}`,
    `/statements/${id}/audit`,
    "/statements/new",
    "/finns-inte",
    "/api/statements",
    "/api/health",
  ]) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers, url).toMatchObject(SECURITY_HEADERS);
    expect(headers["content-security-policy"], url).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic';/,
    );
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], url).not.toContain("unsafe-eval");
    expect(headers["permissions-policy"], url).toContain("camera=()");
  }
});

test("a NUL or a lone surrogate in a title or a comment gives 400", async ({ browser }) => {
  const page = await LoginPage.signIn(browser, "handlaggare.bou@demo.test");
  const id = await seedStatementId(page.request);
  const json = { "content-type": "application/json" };
  const message = "Texten innehåller otillåtna tecken (NUL-tecken eller ofullständiga Unicode-tecken).";
  for (const title of ["a\u0000b", "a\uD800b", "\uDC00"]) {
    const response = await page.request.post("/api/statements", {
      headers: json,
      data: Buffer.from(JSON.stringify({ ...NEW_STATEMENT, title })),
    });
    expect(response.status(), JSON.stringify(title)).toBe(400);
    expect(await response.json()).toEqual({ error: message });
  }
  const comment = await page.request.post(`/api/statements/${id}/comments`, {
    headers: json,
    data: Buffer.from(
      JSON.stringify({
        sectionKey: "bakgrund",
        anchor: { start: "A", end: "A" },
        quote: "x",
        body: "\u0000",
      }),
    ),
  });
  expect(comment.status()).toBe(400);
});
