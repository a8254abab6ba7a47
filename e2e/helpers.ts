import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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
