import { type Browser, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "beredning-demo";

/** Signs in through the real login form, in a browser context of its own. */
export async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
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
