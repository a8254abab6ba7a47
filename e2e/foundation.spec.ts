import { expect, test } from "./fixtures";
import { StatementPage } from "./pages/statement-page";

test("a demo user signs in and reads the seed statement live from the collaboration server", async ({
  browser,
}) => {
  const page = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await page.openSeed();
  await expect(page.page.getByRole("heading", { level: 1 })).toContainText(
    "Om ökad jämlikhet, minskad segregation",
  );
  await expect(page.page.getByRole("heading", { name: "Bakgrund" })).toBeVisible();
  await expect(page.text("bakgrund")).toContainText(
    "Karin Rågsjö (v) och Måns Almqvist (v) föreslår i en motion till kommunfullmäktige den 14 mars 2011",
  );
  await expect(page.text("forvaltningens-yttrande")).toContainText(
    "Segregeringen i Hässelby-Vällingby har ökat",
  );
  await expect(page.text("forslag-till-beslut").getByRole("listitem")).toHaveCount(2);
  await expect(page.page.getByRole("definition").filter({ hasText: "förlängd från" })).toContainText(
    "1 oktober 2011 (förlängd från 1 september 2011)",
  );
  await page.page.screenshot({ path: test.info().outputPath("statement.png"), fullPage: true });
});

test("pages and the API refuse requests without a session", async ({ page, request }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2F/);
  const response = await request.get("/api/statements");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "Inloggning krävs" });
});

test("a wrong password is refused with a clear message", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of 401 .*\/api\/auth\/callback\/credentials/);
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill("handlaggare.bou@demo.test");
  await page.getByLabel("Lösenord").fill("fel-lösenord");
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Fel" })).toHaveText(
    "Fel e-postadress eller lösenord.",
  );
  await expect(page).toHaveURL(/\/login/);
});
