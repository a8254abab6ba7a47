import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createStatementViaForm } from "./helpers";
import { StatementPage } from "./pages/statement-page";

/* Drafting and commenting with the keyboard alone. */

/** The seed statement freshly loaded, so the focus starts at the top as for any visitor. */
async function openAtTop(browser: Browser, email: string): Promise<StatementPage> {
  const page = await StatementPage.signIn(browser, email);
  await page.openSeed();
  await page.page.reload();
  await expect(page.connection).toBeVisible();
  return page;
}

/** Presses Tab until `target` has the focus; the number of presses, or Infinity past `limit`. */
async function tabTo(page: Page, isTarget: () => Promise<boolean>, limit: number): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    if (await isTarget()) return presses;
  }
  return Number.POSITIVE_INFINITY;
}

test("a section's toolbar is one Tab stop, the arrow keys move within it, and each button says what it does", async ({
  browser,
}) => {
  const page = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await page.openSeed();
  const tools = page.toolbar("Sammanfattning");
  await page.text("sammanfattning").click();
  await page.page.keyboard.press("Shift+Tab");
  await expect(tools.button("Fetstil")).toBeFocused();
  await expect(tools.tip("Fetstil")).toHaveText("Fetstil (Ctrl+B)");
  await expect(tools.tip("Fetstil")).toBeVisible();
  await page.page.keyboard.press("ArrowRight");
  await expect(tools.button("Kursiv")).toBeFocused();
  await page.page.keyboard.press("End");
  await expect(tools.button("Gör om")).toBeFocused();
  await page.page.keyboard.press("ArrowRight");
  await expect(tools.button("Fetstil")).toBeFocused();
  // Only one button of the toolbar is in the Tab order: Tab leaves the toolbar for the text.
  await expect(tools.tabStops()).toHaveCount(1);
  await page.page.keyboard.press("Tab");
  await expect(page.text("sammanfattning")).toBeFocused();
  // No button reads as a lone letter code: each shows a word or the conventional glyph, and a tip.
  const faces = await tools.faces();
  expect(faces.filter((face) => /^R\d$/.test(face))).toEqual([]);
});

test("a link is added through a dialog, never window.prompt", async ({ browser }) => {
  const page = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  page.page.on("dialog", () => {
    throw new Error("window.prompt was opened");
  });
  await createStatementViaForm(page.page, `Remiss med länk ${Date.now()}`);
  await page.text("bilaga").click();
  await page.page.keyboard.type("Se remissen");
  await page.page.keyboard.press("Shift+Home");
  await page.toolbar("Bilaga").button("Länk").click();
  const dialog = page.page.getByRole("dialog", { name: "Infoga länk" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Adress").fill("inte en adress");
  await dialog.getByRole("button", { name: "Spara länk" }).click();
  await expect(dialog.getByText("Skriv en webbadress")).toBeVisible();
  await dialog.getByLabel("Adress").fill("https://www.stockholm.se/remiss");
  await page.page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  const link = page.text("bilaga").getByRole("link", { name: "Se remissen" });
  await expect(link).toHaveText("Se remissen");
  await expect(link).toHaveAttribute("href", "https://www.stockholm.se/remiss");
  await expect(page.text("bilaga")).toBeFocused();
});

test("Alt+↓ and Alt+↑ move between the sections' texts", async ({ browser }) => {
  const page = await StatementPage.signIn(browser, "granskare@demo.test");
  await page.openSeed();
  await page.text("sammanfattning").click();
  await page.page.keyboard.press("Alt+ArrowDown");
  await expect(page.text("bilaga")).toBeFocused();
  await page.page.keyboard.press("Alt+ArrowDown");
  await expect(page.text("arendets-beredning")).toBeFocused();
  await page.page.keyboard.press("Alt+ArrowUp");
  await expect(page.text("bilaga")).toBeFocused();
});

test("a keyboard-only granskare selects a passage and comments on it", async ({ browser }) => {
  const page = await openAtTop(browser, "granskare@demo.test");
  const inSammanfattning = () =>
    page.text("sammanfattning").evaluate((text) => text === document.activeElement);
  expect(await tabTo(page.page, inSammanfattning, 30)).toBeLessThan(30);
  for (const _step of ["bilaga", "arendets-beredning", "bakgrund"])
    await page.page.keyboard.press("Alt+ArrowDown");
  await expect(page.text("bakgrund")).toBeFocused();
  // Other specs may have written at the start of Bakgrund (and left carets there): the passage is
  // whatever twelve presses of Shift+→ select.
  await page.page.keyboard.press("Control+Home");
  for (let i = 0; i < 12; i++) await page.page.keyboard.press("Shift+ArrowRight");
  const passage = await page.page.evaluate(() => window.getSelection()?.toString() ?? "");
  expect(passage.trim().length).toBeGreaterThan(3);
  await page.page.keyboard.press("Tab");
  const comment = page.page.getByRole("button", { name: "Kommentera markerad text i Bakgrund" });
  await expect(comment).toBeFocused();
  await page.page.keyboard.press("Enter");
  await expect(page.composerQuote()).toContainText(passage.trim());
  await page.page.keyboard.type("Kommenterat med tangentbordet");
  await page.page.keyboard.press("Tab");
  await page.page.keyboard.press("Enter");
  const thread = page.comments.thread("Kommenterat med tangentbordet");
  await expect(thread.getByRole("button", { name: /Visa stycket/ })).toContainText(passage.trim());
  const highlight = page.highlights("bakgrund").filter({ hasText: passage });
  await expect(highlight.first()).toHaveText(passage);
  // The text itself is unchanged: the granskare could move and select, not edit.
  await expect(page.text("bakgrund")).toHaveAttribute("aria-readonly", "true");
});

test("Tab reaches the comments panel in at most 15 stops from the top", async ({ browser }) => {
  const page = await openAtTop(browser, "handlaggare.bou@demo.test");
  const onSkipLink = () =>
    page.page.evaluate(() => document.activeElement?.textContent === "Hoppa till kommentarer");
  const toLink = await tabTo(page.page, onSkipLink, 15);
  expect(toLink).toBeLessThan(15);
  await page.page.keyboard.press("Enter");
  await page.page.keyboard.press("Tab");
  expect(await page.comments.hasFocus()).toBe(true);
  expect(toLink + 1).toBeLessThanOrEqual(15);
});

test("a table pasted as HTML keeps its 2×2 cells, for everyone and after a reload", async ({ browser }) => {
  const writer = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  const url = await createStatementViaForm(writer.page, `Remiss med tabell ${Date.now()}`);
  await writer.text("bilaga").click();
  await writer.text("bilaga").evaluate((element) => {
    const data = new DataTransfer();
    data.setData("text/plain", "Cell A\tCell B\nCell C\tCell D");
    data.setData(
      "text/html",
      "<table><tbody><tr><td><p>Cell A</p></td><td><p>Cell B</p></td></tr><tr><td><p>Cell C</p></td><td><p>Cell D</p></td></tr></tbody></table>",
    );
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  const reader = await StatementPage.signIn(browser, "granskare@demo.test");
  await reader.page.goto(url);
  for (const page of [writer, reader]) {
    const table = page.text("bilaga").getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("cell")).toContainText(["Cell A", "Cell B", "Cell C", "Cell D"]);
  }
  await writer.page.reload();
  await expect(writer.text("bilaga").getByRole("table").getByRole("cell")).toHaveCount(4);
});
