import { expect, test } from "./fixtures";
import { openSeedStatement, seriousAccessibilityViolations, signIn } from "./helpers";

test("the login, list, statement, audit and new-statement pages have no serious or critical accessibility violations", async ({
  browser,
  page,
}) => {
  await page.goto("/login");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const signedIn = await signIn(browser, "handlaggare.bou@demo.test");
  await expect(signedIn.locator("html")).toHaveAttribute("lang", "sv");
  expect(await seriousAccessibilityViolations(signedIn)).toEqual([]);
  await openSeedStatement(signedIn);
  await expect(signedIn.locator(".section-text").first()).toBeVisible();
  expect(await seriousAccessibilityViolations(signedIn)).toEqual([]);
  await signedIn.getByRole("link", { name: "Händelselogg" }).click();
  await expect(signedIn.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousAccessibilityViolations(signedIn)).toEqual([]);
  await signedIn.goto("/statements/new");
  await expect(signedIn.getByLabel("Titel", { exact: true })).toBeVisible();
  expect(await seriousAccessibilityViolations(signedIn)).toEqual([]);
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
  await page.keyboard.press("ArrowRight");
  await expect(
    page
      .getByRole("toolbar", { name: "Formatering: Sammanfattning" })
      .getByRole("button", { name: "Kursiv" }),
  ).toBeFocused();
});
