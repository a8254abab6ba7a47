import { expect, test } from "./fixtures";
import { createStatementViaForm, seriousAccessibilityViolations } from "./helpers";
import { LoginPage } from "./pages/login-page";
import { StatementPage } from "./pages/statement-page";

/* The rough edges a first walk-through of the app found, each checked as a new user meets it. */

test("a comment on a passage from a section's first character keeps its highlight, also after a reload", async ({
  browser,
}) => {
  const page = await StatementPage.signIn(browser, "granskare@demo.test");
  await page.openSeed();
  const quote = await page.selectStart("forvaltningens-yttrande", 13);
  expect(quote).toBe("Segregeringen");
  await page.page
    .getByRole("button", { name: "Kommentera markerad text i Förvaltningens yttrande och synpunkter" })
    .click();
  await page.page.getByLabel("Kommentar", { exact: true }).fill("Ordval från första tecknet");
  await page.page.getByRole("button", { name: "Spara kommentar" }).click();
  const thread = page.comments.thread("Ordval från första tecknet");
  for (const reload of [false, true]) {
    if (reload) await page.page.reload();
    await expect(thread).toBeVisible();
    await expect(thread).not.toContainText("Den kommenterade texten har tagits bort.");
    await expect(page.highlights("forvaltningens-yttrande").first()).toHaveText(quote);
  }
});

test("each section shows its open comments once", async ({ browser }) => {
  const page = await StatementPage.signIn(browser, "granskare@demo.test");
  await page.openSeed();
  const section = page.section("arendets-beredning");
  const first = await page.text("arendets-beredning").getByRole("paragraph").first().textContent();
  const word = (first ?? "").split(" ").slice(1, 3).join(" ");
  await page.startComment("arendets-beredning", "Ärendets beredning", word);
  await page.page.getByLabel("Kommentar", { exact: true }).fill("Räknas en gång");
  await page.page.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(page.openThreadCount("arendets-beredning")).toHaveCount(1);
  await expect(section.getByText(/kommentarstråd/)).toHaveCount(0);
});

test("an empty section of a new statement tells what belongs in it", async ({ browser }) => {
  const page = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await createStatementViaForm(page.page, `Remiss med tomma avsnitt ${Date.now()}`);
  const empty = page.emptyTextGuidance("sammanfattning");
  await expect(empty).toHaveAttribute("data-placeholder", /^Sammanfatta remissen/);
  const shown = await empty.evaluate((element) => getComputedStyle(element, "::before").content);
  expect(shown).toContain("Sammanfatta remissen");
  await expect(page.emptyTextGuidance("forvaltningens-yttrande")).toHaveAttribute(
    "data-placeholder",
    /förvaltningens bedömning/,
  );
  // Once something is written, the guidance goes.
  await page.text("sammanfattning").click();
  await page.page.keyboard.type("Kort om remissen.");
  await expect(page.guidanceMarks("sammanfattning")).toHaveCount(0);
});

test("another user's caret label never covers the words on the line above", async ({ browser }) => {
  const reader = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await reader.page.setViewportSize({ width: 1440, height: 900 });
  await reader.openSeed();
  const writer = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  await writer.openSeed();
  // The end of Bakgrund's first paragraph, which wraps over several lines.
  await writer.focusParagraph("bakgrund", 0, "end");
  const label = reader.caretLabel("Ahmed Yilmaz");
  await expect(label).toBeVisible();
  const overlap = await reader.caretLabelCover("bakgrund", 0);
  expect(overlap.lines).toBeGreaterThan(1);
  expect(overlap.covered).toBe(0);
});

test("the statement list uses the width of a wide screen", async ({ browser }) => {
  const page = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await page.page.setViewportSize({ width: 1440, height: 900 });
  await page.page.reload();
  const width = await page.list.evaluate((table) => table.clientWidth);
  expect(width).toBeGreaterThan(1200);
});

test("an unknown page has the app header and passes axe, signed in or not", async ({
  browser,
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 404/);
  const signedIn = await StatementPage.signIn(browser, "granskare@demo.test");
  for (const [visitor, url] of [
    [signedIn.page, "/statements/00000000-0000-4000-8000-000000000000"],
    [page, "/finns-inte"],
  ] as const) {
    const response = await visitor.goto(url);
    expect(response?.status()).toBe(404);
    await expect(visitor.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
    await expect(visitor.getByRole("banner").getByRole("link", { name: "Beredning" })).toBeVisible();
    expect(await seriousAccessibilityViolations(visitor)).toEqual([]);
  }
  await expect(signedIn.page.getByRole("banner")).toContainText("Maria Ek");
});

test("every page has a favicon, and no request of a page fails", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  const login = new LoginPage(page);
  await login.goto();
  const icon = await login.faviconHref();
  expect(icon).toBeTruthy();
  const answer = await page.request.get(icon ?? "");
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("image/");
  // Where a page's head names no icon yet, the browser's own guess finds it too.
  const guessed = await page.request.get("/favicon.ico");
  expect(guessed.status()).toBe(200);
  expect(guessed.headers()["content-type"]).toContain("image/");
  await login.submitAs("handlaggare.bou@demo.test");
  await new StatementPage(page).openSeed();
  expect(failed).toEqual([]);
});
