import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { StatementPage } from "./pages/statement-page";

/*
 * In a real browser: a page of the same site on another port can neither frame the app nor post
 * to it with the victim's cookie, and the app itself runs under its Content-Security-Policy without
 * a single violation, collaboration included.
 */

/** Serves one attacker page on a free port of 127.0.0.1 (the same site as the app, another origin). */
async function attackerSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function seedStatementUrl(statement: StatementPage): Promise<string> {
  await statement.openSeed();
  return statement.page.url();
}

/** Every CSP violation the page reports in its console. */
function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("a page of another port can neither frame the statement page nor post a form to finalise it", async ({
  browser,
}) => {
  const victim = await StatementPage.signIn(browser, "direktor@demo.test");
  const statementUrl = await seedStatementUrl(victim);
  const id = statementUrl.split("/").pop() ?? "";
  const origin = new URL(statementUrl).origin;
  const attacker = await attackerSite(`<!doctype html><title>Annons</title>
    <iframe id="framed" src="${statementUrl}" width="800" height="600"></iframe>
    <form id="forged" method="POST" action="${origin}/api/statements/${id}/finalise" enctype="text/plain">
      <input name='{"x":"' value='"}'>
    </form>`);
  try {
    const page = await victim.page.context().newPage();
    const refusals: string[] = [];
    page.on("console", (message) => refusals.push(message.text()));
    const framed = page.waitForResponse((response) => response.url() === statementUrl);
    await page.goto(attacker.url);
    expect((await framed).status()).toBe(200);
    // The browser refuses to show it: frame-ancestors 'none' (and X-Frame-Options: DENY).
    await expect.poll(() => refusals.join("\n")).toMatch(/frame-ancestors 'none'|Refused to (display|frame)/);
    // The frame shows the browser's error page, not the statement.
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    if (!frame) throw new Error("The attacker's page shows no frame");
    await expect(frame.getByText("Om ökad jämlikhet")).toHaveCount(0);
    expect(frame?.url()).not.toBe(statementUrl);

    const posted = page.waitForResponse((response) =>
      response.url().endsWith(`/api/statements/${id}/finalise`),
    );
    await page.evaluate(() => (document.getElementById("forged") as HTMLFormElement).submit());
    const response = await posted;
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: "Förfrågan kommer från en annan webbplats och avvisas." });
    const statement = await victim.page.request.get(`/api/statements/${id}`);
    expect(((await statement.json()) as { status: string }).status).toBe("draft");
  } finally {
    await attacker.close();
  }
});

test("no page reports a CSP violation, and collaboration works under the policy", async ({ browser }) => {
  const bou = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  const violations = watchCspViolations(bou.page);
  await bou.page.goto("/");
  await expect(bou.page.getByRole("heading", { name: "Tjänsteutlåtanden" })).toBeVisible();
  const statementUrl = await seedStatementUrl(bou);
  await bou.page.goto(`${statementUrl}/audit`);
  await expect(bou.page.getByRole("heading", { level: 1 })).toBeVisible();
  await bou.page.goto("/statements/new");
  await expect(bou.page.getByLabel("Titel", { exact: true })).toBeVisible();
  await bou.page.goto("/finns-inte");
  await bou.openAt(statementUrl);

  const eb = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  violations.push(...watchCspViolations(eb.page));
  await eb.openAt(statementUrl);
  const marker = ` CSP-prov ${Date.now()}`;
  await bou.focusEnd("bakgrund");
  await bou.page.keyboard.type(marker);
  await expect(eb.text("bakgrund")).toContainText(marker.trim());

  const login = await browser.newPage();
  violations.push(...watchCspViolations(login));
  await login.goto("/login");
  await expect(login.getByLabel("E-postadress")).toBeVisible();
  expect(violations).toEqual([]);
});
