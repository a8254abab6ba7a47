import { expect, test } from "./fixtures";
import { StatementPage } from "./pages/statement-page";

/* Edits made offline: kept in the browser, warned about, and merged when the statement is opened again. */

test("an offline edit survives closing and reopening the page, and reaches the other user on reconnect", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const writer = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  await writer.openSeed();
  const statementUrl = writer.page.url();
  const other = await StatementPage.signIn(browser, "enhetschef.bou@demo.test");
  await other.openSeed();
  const presence = other.presence("Ahmed Yilmaz");
  await expect(presence).toBeVisible();

  await writer.page.context().setOffline(true);
  await expect(writer.page.getByRole("status").filter({ hasText: "Offline" })).toBeVisible();
  await writer.focusEnd("forvaltningens-yttrande");
  await writer.page.keyboard.type(" Skrivet offline och sparat i webbläsaren.");
  await expect(writer.text("forvaltningens-yttrande")).toContainText("sparat i webbläsaren");

  // The other user stops seeing the offline user within the awareness timeout (30 s).
  await expect(presence).toHaveCount(0, { timeout: 40_000 });

  // Leaving the page asks first, while the edit is unsent.
  const asked = writer.page.waitForEvent("dialog");
  const closed = writer.page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.accept();
  await closed;
  await expect(other.text("forvaltningens-yttrande")).not.toContainText("sparat i webbläsaren");

  // Opened again in the same browser, online: the kept edit is merged and sent.
  const context = writer.page.context();
  await context.setOffline(false);
  const reopened = new StatementPage(await context.newPage());
  await reopened.openAt(statementUrl);
  await expect(reopened.text("forvaltningens-yttrande")).toContainText(
    "Skrivet offline och sparat i webbläsaren.",
  );
  await expect(other.text("forvaltningens-yttrande")).toContainText(
    "Skrivet offline och sparat i webbläsaren.",
  );
  await expect(other.presence("Ahmed Yilmaz")).toBeVisible();
});
