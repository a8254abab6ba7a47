import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { StatementPage } from "./pages/statement-page";

/*
 * Several units write one statement at once. Each test edits its own sections or adds unique
 * marker text, so the tests share the one seeded statement without depending on each other.page.
 */

async function openAs(browser: Browser, email: string): Promise<StatementPage> {
  const page = await StatementPage.signIn(browser, email);
  await page.openSeed();
  return page;
}

test("two handläggare type at once, in one section and in different ones, and see each other live", async ({
  browser,
}) => {
  const bou = await openAs(browser, "handlaggare.bou@demo.test");
  const eb = await openAs(browser, "handlaggare.eb@demo.test");

  // Same section, different places: two carets at one spot would interleave keystrokes, as in any editor.
  await bou.focusParagraph("forvaltningens-yttrande", 0, "end");
  await eb.focusEnd("forvaltningens-yttrande");
  await Promise.all([
    bou.page.keyboard.type(" Tillägg från BoU.", { delay: 20 }),
    eb.page.keyboard.type(" Tillägg från EB.", { delay: 20 }),
  ]);
  for (const page of [bou, eb]) {
    await expect(page.text("forvaltningens-yttrande").getByRole("paragraph").first()).toContainText(
      "Tillägg från BoU.",
    );
    await expect(page.text("forvaltningens-yttrande")).toContainText("Tillägg från EB.");
  }
  await expect(bou.caretLabel("Ahmed Yilmaz · Enheten för ekonomiskt bistånd")).toBeVisible();
  await expect(eb.caretLabel("Sara Lindqvist · Barn- och ungdomsenheten")).toBeVisible();

  await bou.focusEnd("sammanfattning");
  await eb.focusEnd("forvaltningens-yttrande");
  await Promise.all([
    bou.page.keyboard.type(" Sammanfattat av BoU.", { delay: 20 }),
    eb.page.keyboard.type(" Yttrande från EB.", { delay: 20 }),
  ]);
  await expect(eb.text("sammanfattning")).toContainText("Sammanfattat av BoU.");
  await expect(bou.text("forvaltningens-yttrande")).toContainText("Yttrande från EB.");

  // Presence: each sees the other listed, in the section they are working in.
  await expect(bou.presence("Ahmed Yilmaz")).toContainText("i Förvaltningens yttrande och synpunkter");
  await expect(eb.presence("Sara Lindqvist")).toContainText("i Sammanfattning");

  await Promise.all([bou.page.reload(), eb.page.reload()]);
  for (const page of [bou, eb]) {
    await expect(page.text("forvaltningens-yttrande")).toContainText("Tillägg från BoU.");
    await expect(page.text("forvaltningens-yttrande")).toContainText("Tillägg från EB.");
    await expect(page.text("sammanfattning")).toContainText("Sammanfattat av BoU.");
    await expect(page.text("forvaltningens-yttrande")).toContainText("Yttrande från EB.");
  }
});

test("a granskare cannot change the text by typing or pasting, and sees others' edits live", async ({
  browser,
}) => {
  const granskare = await openAs(browser, "granskare@demo.test");
  const writer = await openAs(browser, "handlaggare.bou@demo.test");
  await expect(granskare.page.getByText("Du kan läsa men inte ändra texten.")).toBeVisible();
  const bilaga = granskare.text("bilaga");
  await expect(bilaga).toHaveAttribute("aria-readonly", "true");
  await expect(granskare.page.getByRole("toolbar")).toHaveCount(0);
  const before = await granskare.plainText("bilaga");

  await bilaga.click();
  await granskare.page.keyboard.type("Granskaren skriver");
  await granskare.page.keyboard.press("Backspace");
  await bilaga.evaluate((element) => {
    const data = new DataTransfer();
    data.setData("text/plain", "Inklistrat av granskaren");
    data.setData("text/html", "<p>Inklistrat av granskaren</p>");
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });

  await writer.focusEnd("bilaga");
  await writer.page.keyboard.type(" Rättad av BoU.");
  await expect(bilaga).toContainText("Rättad av BoU.");
  expect(await granskare.plainText("bilaga")).toBe(`${before} Rättad av BoU.`);
  await writer.page.reload();
  await expect(writer.text("bilaga")).toContainText("Rättad av BoU.");
  await expect(writer.text("bilaga")).not.toContainText("granskaren");
});

test("text typed offline reaches the other user when the connection returns", async ({ browser }) => {
  const offline = await openAs(browser, "handlaggare.eb@demo.test");
  const other = await openAs(browser, "enhetschef.bou@demo.test");
  await offline.page.context().setOffline(true);
  await expect(offline.page.getByRole("status").filter({ hasText: "Offline" })).toBeVisible();
  await offline.focusEnd("forvaltningens-yttrande");
  await offline.page.keyboard.type(" Skrivet utan nät.");
  await expect(offline.text("forvaltningens-yttrande")).toContainText("Skrivet utan nät.");
  await expect(other.text("forvaltningens-yttrande")).not.toContainText("Skrivet utan nät.");

  await offline.page.context().setOffline(false);
  await expect(offline.page.getByRole("status").filter({ hasText: "Ansluten" })).toBeVisible();
  await expect(other.text("forvaltningens-yttrande")).toContainText("Skrivet utan nät.");
});
