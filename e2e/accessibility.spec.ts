import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { openSeedStatement, signIn } from "./helpers";

async function seriousViolations(page: Page) {
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

test("the login, list and statement pages have no serious or critical accessibility violations", async ({
  browser,
  page,
}) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);

  const signedIn = await signIn(browser, "handlaggare.bou@demo.test");
  await expect(signedIn.locator("html")).toHaveAttribute("lang", "sv");
  expect(await seriousViolations(signedIn)).toEqual([]);
  await openSeedStatement(signedIn);
  await expect(signedIn.locator(".section-text").first()).toBeVisible();
  expect(await seriousViolations(signedIn)).toEqual([]);
});

test("the statement can be worked through with the keyboard alone", async ({ browser }) => {
  const page = await signIn(browser, "handlaggare.bou@demo.test");
  await openSeedStatement(page);
  // A fresh load, so focus starts at the top of the document as for any visitor.
  await page.reload();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Hoppa till innehållet" })).toBeFocused();
  const bold = page
    .getByRole("toolbar", { name: "Formatering: Sammanfattning" })
    .getByRole("button", { name: "Fetstil" });
  await bold.focus();
  await expect(bold).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(
    page
      .getByRole("toolbar", { name: "Formatering: Sammanfattning" })
      .getByRole("button", { name: "Kursiv" }),
  ).toBeFocused();
});
