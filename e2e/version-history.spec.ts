import { expect, test } from "./fixtures";
import { createStatementViaForm, seriousAccessibilityViolations } from "./helpers";
import { LoginPage } from "./pages/login-page";
import { StatementPage } from "./pages/statement-page";

const YTTRANDE = "forvaltningens-yttrande";

test("names a version, diffs it with the current text, and restores a section seen live elsewhere", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const drafter = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  const url = await createStatementViaForm(drafter.page, `Remiss om parker ${Date.now()}`);
  await drafter.focusEnd(YTTRANDE);
  await drafter.page.keyboard.type("Parkerna sköts väl.");
  const other = await StatementPage.signIn(browser, "handlaggare.bou@demo.test", url);
  await expect(other.text(YTTRANDE)).toContainText("Parkerna sköts väl.");

  await drafter.page.getByRole("link", { name: "Versioner" }).click();
  await expect(drafter.page.getByRole("heading", { name: "Versioner", level: 1 })).toBeVisible();
  await drafter.page.getByLabel("Namn").fill("Före MBL");
  await drafter.page.getByRole("button", { name: "Spara version" }).click();
  await expect(drafter.page.getByRole("cell", { name: "Före MBL" })).toBeVisible();
  expect(await seriousAccessibilityViolations(drafter.page)).toEqual([]);

  await other.focusEnd(YTTRANDE);
  await other.page.keyboard.type(" Men inte alltid.");
  await expect(other.text(YTTRANDE)).toContainText("Men inte alltid.");

  await drafter.page.reload();
  await drafter.page.getByLabel("Från").selectOption({ label: await optionLabel(drafter.page, "Före MBL") });
  await drafter.page.getByLabel("Till").selectOption("current");
  await drafter.page.getByRole("button", { name: "Visa skillnader" }).click();
  const diff = drafter.page.getByRole("region", { name: "Skillnader" });
  const yttrande = diff
    .getByRole("article")
    .filter({ has: drafter.page.getByRole("heading", { name: "Förvaltningens yttrande och synpunkter" }) });
  await expect(yttrande.getByRole("insertion")).toHaveText(/^tillagt:\s+Men inte alltid\.$/);
  await expect(diff).toContainText("oförändrade avsnitt visas inte");
  expect(await seriousAccessibilityViolations(drafter.page)).toEqual([]);

  await drafter.page
    .getByRole("row", { name: /Före MBL/ })
    .getByRole("button", { name: "Visa" })
    .click();
  await drafter.page.getByRole("button", { name: "Återställ avsnittet Förvaltningens yttrande" }).click();
  await expect(
    drafter.page.getByRole("status").filter({ hasText: "Avsnittet är återställt." }),
  ).toBeVisible();
  await expect(other.text(YTTRANDE)).not.toContainText("Men inte alltid.");
  await expect(other.text(YTTRANDE)).toContainText("Parkerna sköts väl.");
});

test("a chef restores the whole statement from a version, seen live elsewhere", async ({ browser }) => {
  test.setTimeout(120_000);
  const drafting = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  const drafter = drafting.page;
  const url = await createStatementViaForm(drafter, `Remiss om badhus ${Date.now()}`);
  await drafting.focusEnd(YTTRANDE);
  await drafter.keyboard.type("Badhusen är viktiga.");
  const chef = await LoginPage.signIn(browser, "enhetschef.eb@demo.test");
  await chef.goto(`${url}/historik`);
  await chef.getByLabel("Namn").fill("Första utkastet");
  await chef.getByRole("button", { name: "Spara version" }).click();
  await expect(chef.getByRole("cell", { name: "Första utkastet" })).toBeVisible();

  await drafting.focusEnd(YTTRANDE);
  await drafter.keyboard.type(" Men dyra.");
  await drafting.focusEnd("bakgrund");
  await drafter.keyboard.type("Remissen kom i maj.");
  await expect(drafting.text("bakgrund")).toContainText("Remissen kom i maj.");
  // A handläggare approves no section, so is not offered the whole restore.
  await drafter.goto(`${url}/historik`);
  await drafter
    .getByRole("row", { name: /Första utkastet/ })
    .getByRole("button", { name: "Visa" })
    .click();
  await expect(
    drafter.getByRole("button", { name: "Återställ hela utlåtandet till denna version" }),
  ).toHaveCount(0);
  const watcher = await StatementPage.signIn(browser, "handlaggare.bou@demo.test", url);
  await expect(watcher.text(YTTRANDE)).toContainText("Men dyra.");

  await chef
    .getByRole("row", { name: /Första utkastet/ })
    .getByRole("button", { name: "Visa" })
    .click();
  const restoreAll = chef.getByRole("button", { name: "Återställ hela utlåtandet till denna version" });
  await expect(restoreAll).toBeVisible();
  expect(await seriousAccessibilityViolations(chef)).toEqual([]);
  await restoreAll.click();
  await chef.getByRole("button", { name: "Ja, återställ hela utlåtandet" }).click();
  await expect(
    chef.getByRole("status").filter({ hasText: "Utlåtandet är återställt (2 avsnitt)." }),
  ).toBeVisible();
  await expect(watcher.text(YTTRANDE)).not.toContainText("Men dyra.");
  await expect(watcher.text(YTTRANDE)).toContainText("Badhusen är viktiga.");
  await expect(watcher.text("bakgrund")).not.toContainText("Remissen kom i maj.");
  await expect(chef.getByRole("cell", { name: "Före återställning av hela utlåtandet" })).toBeVisible();
});

async function optionLabel(page: import("@playwright/test").Page, name: string): Promise<string> {
  const label = await page.getByLabel("Från").getByRole("option", { name }).first().textContent();
  if (!label) throw new Error(`No version named ${name}`);
  return label;
}
