import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  caretLabel,
  focusEndOfParagraph,
  focusEndOfSection,
  openSeedStatement,
  sectionPlainText,
  sectionText,
  signIn,
} from "./helpers";

/*
 * Several units write one statement at once. Each test edits its own sections or adds unique
 * marker text, so the tests share the one seeded statement without depending on each other.
 */

async function openAs(browser: Parameters<typeof signIn>[0], email: string): Promise<Page> {
  const page = await signIn(browser, email);
  await openSeedStatement(page);
  return page;
}

test("two handläggare type at once, in one section and in different ones, and see each other live", async ({
  browser,
}) => {
  const bou = await openAs(browser, "handlaggare.bou@demo.test");
  const eb = await openAs(browser, "handlaggare.eb@demo.test");

  // Same section, different places: two carets at one spot would interleave keystrokes, as in any editor.
  await focusEndOfParagraph(bou, "forvaltningens-yttrande", 0);
  await focusEndOfSection(eb, "forvaltningens-yttrande");
  await Promise.all([
    bou.keyboard.type(" Tillägg från BoU.", { delay: 20 }),
    eb.keyboard.type(" Tillägg från EB.", { delay: 20 }),
  ]);
  for (const page of [bou, eb]) {
    await expect(sectionText(page, "forvaltningens-yttrande").locator("p").first()).toContainText(
      "Tillägg från BoU.",
    );
    await expect(sectionText(page, "forvaltningens-yttrande")).toContainText("Tillägg från EB.");
  }
  await expect(caretLabel(bou, "Ahmed Yilmaz · Enheten för ekonomiskt bistånd")).toBeVisible();
  await expect(caretLabel(eb, "Sara Lindqvist · Barn- och ungdomsenheten")).toBeVisible();

  await focusEndOfSection(bou, "sammanfattning");
  await focusEndOfSection(eb, "forvaltningens-yttrande");
  await Promise.all([
    bou.keyboard.type(" Sammanfattat av BoU.", { delay: 20 }),
    eb.keyboard.type(" Yttrande från EB.", { delay: 20 }),
  ]);
  await expect(sectionText(eb, "sammanfattning")).toContainText("Sammanfattat av BoU.");
  await expect(sectionText(bou, "forvaltningens-yttrande")).toContainText("Yttrande från EB.");

  // Presence: each sees the other listed, in the section they are working in.
  await expect(bou.locator(".presence li", { hasText: "Ahmed Yilmaz" })).toContainText(
    "i Förvaltningens yttrande och synpunkter",
  );
  await expect(eb.locator(".presence li", { hasText: "Sara Lindqvist" })).toContainText("i Sammanfattning");

  await Promise.all([bou.reload(), eb.reload()]);
  for (const page of [bou, eb]) {
    await expect(sectionText(page, "forvaltningens-yttrande")).toContainText("Tillägg från BoU.");
    await expect(sectionText(page, "forvaltningens-yttrande")).toContainText("Tillägg från EB.");
    await expect(sectionText(page, "sammanfattning")).toContainText("Sammanfattat av BoU.");
    await expect(sectionText(page, "forvaltningens-yttrande")).toContainText("Yttrande från EB.");
  }
});

test("a granskare cannot change the text by typing or pasting, and sees others' edits live", async ({
  browser,
}) => {
  const granskare = await openAs(browser, "granskare@demo.test");
  const writer = await openAs(browser, "handlaggare.bou@demo.test");
  await expect(granskare.getByText("Du kan läsa men inte ändra texten.")).toBeVisible();
  const bilaga = sectionText(granskare, "bilaga");
  await expect(bilaga).toHaveAttribute("aria-readonly", "true");
  await expect(granskare.getByRole("toolbar")).toHaveCount(0);
  const before = await sectionPlainText(granskare, "bilaga");

  await bilaga.click();
  await granskare.keyboard.type("Granskaren skriver");
  await granskare.keyboard.press("Backspace");
  await bilaga.evaluate((element) => {
    const data = new DataTransfer();
    data.setData("text/plain", "Inklistrat av granskaren");
    data.setData("text/html", "<p>Inklistrat av granskaren</p>");
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });

  await focusEndOfSection(writer, "bilaga");
  await writer.keyboard.type(" Rättad av BoU.");
  await expect(bilaga).toContainText("Rättad av BoU.");
  expect(await sectionPlainText(granskare, "bilaga")).toBe(`${before} Rättad av BoU.`);
  await writer.reload();
  await expect(sectionText(writer, "bilaga")).toContainText("Rättad av BoU.");
  await expect(sectionText(writer, "bilaga")).not.toContainText("granskaren");
});

test("text typed offline reaches the other user when the connection returns", async ({ browser }) => {
  const offline = await openAs(browser, "handlaggare.eb@demo.test");
  const other = await openAs(browser, "enhetschef.bou@demo.test");
  await offline.context().setOffline(true);
  await expect(offline.getByRole("status").filter({ hasText: "Offline" })).toBeVisible();
  await focusEndOfSection(offline, "forvaltningens-yttrande");
  await offline.keyboard.type(" Skrivet utan nät.");
  await expect(sectionText(offline, "forvaltningens-yttrande")).toContainText("Skrivet utan nät.");
  await expect(sectionText(other, "forvaltningens-yttrande")).not.toContainText("Skrivet utan nät.");

  await offline.context().setOffline(false);
  await expect(offline.getByRole("status").filter({ hasText: "Ansluten" })).toBeVisible();
  await expect(sectionText(other, "forvaltningens-yttrande")).toContainText("Skrivet utan nät.");
});
