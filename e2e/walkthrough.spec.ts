import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  caretLabel,
  createStatementViaForm,
  focusEndOfParagraph,
  openSeedStatement,
  sectionPanel,
  sectionText,
  selectTextInSection,
  seriousAccessibilityViolations,
  signIn,
} from "./helpers";

/* The rough edges a first walk-through of the app found, each checked as a new user meets it. */

/** Selects the first `length` characters of a section, from its very first character. */
async function selectSectionStart(page: Page, sectionKey: string, length: number): Promise<string> {
  return sectionText(page, sectionKey).evaluate((root, count) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode();
    if (!node) throw new Error("The section has no text");
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, count);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return range.toString();
  }, length);
}

test("a comment on a passage from a section's first character keeps its highlight, also after a reload", async ({
  browser,
}) => {
  const page = await signIn(browser, "granskare@demo.test");
  await openSeedStatement(page);
  const quote = await selectSectionStart(page, "forvaltningens-yttrande", 13);
  expect(quote).toBe("Segregeringen");
  await page
    .getByRole("button", { name: "Kommentera markerad text i Förvaltningens yttrande och synpunkter" })
    .click();
  await page.getByLabel("Kommentar", { exact: true }).fill("Ordval från första tecknet");
  await page.getByRole("button", { name: "Spara kommentar" }).click();
  const thread = page.locator(".comment-thread", { hasText: "Ordval från första tecknet" });
  for (const reload of [false, true]) {
    if (reload) await page.reload();
    await expect(thread).toBeVisible();
    await expect(thread).not.toContainText("Den kommenterade texten har tagits bort.");
    await expect(
      sectionText(page, "forvaltningens-yttrande").locator(".comment-highlight").first(),
    ).toHaveText(quote);
  }
});

test("each section shows its open comments once", async ({ browser }) => {
  const page = await signIn(browser, "granskare@demo.test");
  await openSeedStatement(page);
  const section = sectionPanel(page, "arendets-beredning");
  const first = await sectionText(page, "arendets-beredning").locator("p").first().textContent();
  const word = (first ?? "").split(" ").slice(1, 3).join(" ");
  await selectTextInSection(page, "arendets-beredning", word);
  await page.getByRole("button", { name: "Kommentera markerad text i Ärendets beredning" }).click();
  await page.getByLabel("Kommentar", { exact: true }).fill("Räknas en gång");
  await page.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(section.locator(".section-comment-count")).toHaveText(/öppen kommentar|öppna kommentarer/);
  await expect(section.getByText(/kommentarstråd/)).toHaveCount(0);
});

test("an empty section of a new statement tells what belongs in it", async ({ browser }) => {
  const page = await signIn(browser, "handlaggare.bou@demo.test");
  await createStatementViaForm(page, `Remiss med tomma avsnitt ${Date.now()}`);
  const empty = sectionText(page, "sammanfattning").locator("p.is-editor-empty");
  await expect(empty).toHaveAttribute("data-placeholder", /^Sammanfatta remissen/);
  const shown = await empty.evaluate((element) => getComputedStyle(element, "::before").content);
  expect(shown).toContain("Sammanfatta remissen");
  await expect(sectionText(page, "forvaltningens-yttrande").locator("p.is-editor-empty")).toHaveAttribute(
    "data-placeholder",
    /förvaltningens bedömning/,
  );
  // Once something is written, the guidance goes.
  await sectionText(page, "sammanfattning").click();
  await page.keyboard.type("Kort om remissen.");
  await expect(sectionText(page, "sammanfattning").locator("[data-placeholder]")).toHaveCount(0);
});

test("another user's caret label never covers the words on the line above", async ({ browser }) => {
  const reader = await signIn(browser, "handlaggare.bou@demo.test");
  await reader.setViewportSize({ width: 1440, height: 900 });
  await openSeedStatement(reader);
  const writer = await signIn(browser, "handlaggare.eb@demo.test");
  await openSeedStatement(writer);
  // The end of Bakgrund's first paragraph, which wraps over several lines.
  await focusEndOfParagraph(writer, "bakgrund", 0);
  const label = caretLabel(reader, "Ahmed Yilmaz");
  await expect(label).toBeVisible();
  const overlap = await sectionText(reader, "bakgrund")
    .locator("p")
    .first()
    .evaluate((paragraph) => {
      const labelBox = paragraph.querySelector(".collaboration-carets__label")?.getBoundingClientRect();
      if (!labelBox) throw new Error("No label in the paragraph");
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      const lines: DOMRect[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest(".collaboration-carets__caret")) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        lines.push(...range.getClientRects());
      }
      const covered = lines.filter(
        (line) =>
          line.width > 0 &&
          line.left < labelBox.right &&
          line.right > labelBox.left &&
          line.top < labelBox.bottom - 0.5 &&
          line.bottom > labelBox.top + 0.5,
      );
      return { lines: new Set(lines.map((line) => Math.round(line.top))).size, covered: covered.length };
    });
  expect(overlap.lines).toBeGreaterThan(1);
  expect(overlap.covered).toBe(0);
});

test("the statement list uses the width of a wide screen", async ({ browser }) => {
  const page = await signIn(browser, "handlaggare.bou@demo.test");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  const width = await page.locator("table.statement-list").evaluate((table) => table.clientWidth);
  expect(width).toBeGreaterThan(1200);
});

test("an unknown page has the app header and passes axe, signed in or not", async ({
  browser,
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 404/);
  const signedIn = await signIn(browser, "granskare@demo.test");
  for (const [visitor, url] of [
    [signedIn, "/statements/00000000-0000-4000-8000-000000000000"],
    [page, "/finns-inte"],
  ] as const) {
    const response = await visitor.goto(url);
    expect(response?.status()).toBe(404);
    await expect(visitor.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
    await expect(visitor.getByRole("banner").getByRole("link", { name: "Beredning" })).toBeVisible();
    expect(await seriousAccessibilityViolations(visitor)).toEqual([]);
  }
  await expect(signedIn.getByRole("banner")).toContainText("Maria Ek");
});

test("every page has a favicon, and no request of a page fails", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto("/login");
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  const answer = await page.request.get(icon ?? "");
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("image/");
  await page.getByLabel("E-postadress").fill("handlaggare.bou@demo.test");
  await page.getByLabel("Lösenord").fill("beredning-demo");
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await openSeedStatement(page);
  expect(failed).toEqual([]);
});
