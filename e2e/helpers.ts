import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "beredning-demo";

/** Signs in through the real login form, in a browser context of its own (on `baseURL` if given). */
export async function signIn(browser: Browser, email: string, baseURL?: string): Promise<Page> {
  const context = await browser.newContext(baseURL ? { baseURL } : undefined);
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Tjänsteutlåtanden" })).toBeVisible();
  return page;
}

export async function openSeedStatement(page: Page): Promise<void> {
  await page.getByRole("link", { name: /Om ökad jämlikhet, minskad segregation/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ansluten" })).toBeVisible();
}

export function sectionText(page: Page, sectionKey: string) {
  return page.locator(`.section-text[data-section="${sectionKey}"]`);
}

/** Puts the caret at the end of a section's text, as a user clicking into it and pressing Ctrl+End. */
export async function focusEndOfSection(page: Page, sectionKey: string): Promise<void> {
  const editor = sectionText(page, sectionKey);
  await editor.click();
  await page.keyboard.press("Control+End");
}

export function caretLabel(page: Page, text: string) {
  return page.locator(".collaboration-carets__label", { hasText: text });
}

/** A section's text as the document holds it: without other users' caret labels. */
export function sectionPlainText(page: Page, sectionKey: string): Promise<string> {
  return sectionText(page, sectionKey).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.innerText;
  });
}

/** The page's serious and critical WCAG 2.1 A/AA violations found by axe, in a readable form. */
export async function seriousAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target),
    }));
}

/** Puts the caret at the end of one paragraph of a section (End only reaches the end of a visual line). */
export async function focusEndOfParagraph(page: Page, sectionKey: string, index: number): Promise<void> {
  const paragraph = sectionText(page, sectionKey).locator("p").nth(index);
  await paragraph.click();
  await paragraph.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
}

/** Starts a statement of its own through the form, so a test that finalises leaves the seed alone. */
export async function createStatementViaForm(
  page: Page,
  title: string,
  options: { deadline?: string } = {},
): Promise<string> {
  await page.goto("/statements/new");
  await page.getByLabel("Till", { exact: true }).fill("Hässelby-Vällingby stadsdelsnämnd");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  if (options.deadline) await page.getByLabel("Svarstid", { exact: true }).fill(options.deadline);
  const units = page.getByRole("group", { name: "Beredande enheter" });
  await units.getByRole("checkbox", { name: "Barn- och ungdomsenheten" }).check();
  await units.getByRole("checkbox", { name: "Enheten för ekonomiskt bistånd" }).check();
  await page.getByRole("button", { name: "Skapa tjänsteutlåtande" }).click();
  await expect(page).toHaveURL(/\/statements\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status").filter({ hasText: "Ansluten" })).toBeVisible();
  return page.url();
}

export async function openStatementAt(browser: Browser, email: string, url: string): Promise<Page> {
  const page = await signIn(browser, email);
  await page.goto(url);
  await expect(page.getByRole("status").filter({ hasText: "Ansluten" })).toBeVisible();
  return page;
}

export function sectionPanel(page: Page, sectionKey: string) {
  return page.locator(`section.statement-section[data-section="${sectionKey}"]`);
}

/** Selects the first occurrence of `text` in a section, as a user dragging over it would. */
export async function selectTextInSection(page: Page, sectionKey: string, text: string): Promise<void> {
  await sectionText(page, sectionKey).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`Text not found: ${wanted}`);
  }, text);
}

/** Puts the caret at the very start of one paragraph of a section. */
export async function focusStartOfParagraph(page: Page, sectionKey: string, index: number): Promise<void> {
  const paragraph = sectionText(page, sectionKey).locator("p").nth(index);
  await paragraph.click();
  await paragraph.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(true);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
}
