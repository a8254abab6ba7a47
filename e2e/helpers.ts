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
