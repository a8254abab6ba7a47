import { expect, test } from "./fixtures";
import { focusEndOfSection, openSeedStatement, sectionText, signIn } from "./helpers";

/* Edits made offline: kept in the browser, warned about, and merged when the statement is opened again. */

test("an offline edit survives closing and reopening the page, and reaches the other user on reconnect", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const writer = await signIn(browser, "handlaggare.eb@demo.test");
  await openSeedStatement(writer);
  const statementUrl = writer.url();
  const other = await signIn(browser, "enhetschef.bou@demo.test");
  await openSeedStatement(other);
  const presence = other.locator(".presence li", { hasText: "Ahmed Yilmaz" });
  await expect(presence).toBeVisible();

  await writer.context().setOffline(true);
  await expect(writer.getByRole("status").filter({ hasText: "Offline" })).toBeVisible();
  await focusEndOfSection(writer, "forvaltningens-yttrande");
  await writer.keyboard.type(" Skrivet offline och sparat i webbläsaren.");
  await expect(sectionText(writer, "forvaltningens-yttrande")).toContainText("sparat i webbläsaren");

  // The other user stops seeing the offline user within the awareness timeout (30 s).
  await expect(presence).toHaveCount(0, { timeout: 40_000 });

  // Leaving the page asks first, while the edit is unsent.
  const asked = writer.waitForEvent("dialog");
  const closed = writer.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.accept();
  await closed;
  await expect(sectionText(other, "forvaltningens-yttrande")).not.toContainText("sparat i webbläsaren");

  // Opened again in the same browser, online: the kept edit is merged and sent.
  const context = writer.context();
  await context.setOffline(false);
  const reopened = await context.newPage();
  await reopened.goto(statementUrl);
  await expect(reopened.getByRole("status").filter({ hasText: "Ansluten" })).toBeVisible();
  await expect(sectionText(reopened, "forvaltningens-yttrande")).toContainText(
    "Skrivet offline och sparat i webbläsaren.",
  );
  await expect(sectionText(other, "forvaltningens-yttrande")).toContainText(
    "Skrivet offline och sparat i webbläsaren.",
  );
  await expect(other.locator(".presence li", { hasText: "Ahmed Yilmaz" })).toBeVisible();
});
