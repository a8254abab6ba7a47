import { expect, test } from "./fixtures";
import { seriousAccessibilityViolations } from "./helpers";
import { LoginPage } from "./pages/login-page";
import { StatementPage } from "./pages/statement-page";

test("the login, list, statement, audit and new-statement pages have no serious or critical accessibility violations", async ({
  browser,
  page,
}) => {
  await new LoginPage(page).goto();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const signedIn = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await expect(signedIn.root).toHaveAttribute("lang", "sv");
  expect(await seriousAccessibilityViolations(signedIn.page)).toEqual([]);
  await signedIn.openSeed();
  await expect(signedIn.text("sammanfattning")).toBeVisible();
  expect(await seriousAccessibilityViolations(signedIn.page)).toEqual([]);
  await signedIn.page.getByRole("link", { name: "Händelselogg" }).click();
  await expect(signedIn.page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousAccessibilityViolations(signedIn.page)).toEqual([]);
  await signedIn.page.goto("/statements/new");
  await expect(signedIn.page.getByLabel("Titel", { exact: true })).toBeVisible();
  expect(await seriousAccessibilityViolations(signedIn.page)).toEqual([]);
});

test("the statement can be worked through with the keyboard alone", async ({ browser }) => {
  const page = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await page.openSeed();
  // A fresh load, so focus starts at the top of the document as for any visitor.
  await page.page.reload();
  await page.page.keyboard.press("Tab");
  await expect(page.page.getByRole("link", { name: "Hoppa till innehållet" })).toBeFocused();
  const bold = page.page
    .getByRole("toolbar", { name: "Formatering: Sammanfattning" })
    .getByRole("button", { name: "Fetstil" });
  await bold.focus();
  await expect(bold).toBeFocused();
  await page.page.keyboard.press("ArrowRight");
  await expect(
    page.page
      .getByRole("toolbar", { name: "Formatering: Sammanfattning" })
      .getByRole("button", { name: "Kursiv" }),
  ).toBeFocused();
});
