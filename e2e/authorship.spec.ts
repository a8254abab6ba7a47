import { expect, test } from "./fixtures";
import {
  createStatementViaForm,
  focusEndOfSection,
  openStatementAt,
  sectionPanel,
  sectionPlainText,
  sectionText,
  seriousAccessibilityViolations,
  signIn,
} from "./helpers";

const YTTRANDE = "forvaltningens-yttrande";
const BEREDNING = "arendets-beredning";

test("colours paragraphs by who wrote them, with a legend, and inserts Ärendets beredning in one click", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The creator coordinates the statement, so may write Ärendets beredning.
  const drafter = await signIn(browser, "handlaggare.eb@demo.test");
  const url = await createStatementViaForm(drafter, `Remiss om bibliotek ${Date.now()}`);
  await focusEndOfSection(drafter, YTTRANDE);
  await drafter.keyboard.type("Biblioteken behövs.");
  const other = await openStatementAt(browser, "handlaggare.bou@demo.test", url);
  // The second paragraph is started only after the first has arrived, as a user would see it.
  await expect(sectionText(other, YTTRANDE)).toContainText("Biblioteken behövs.");
  await focusEndOfSection(other, YTTRANDE);
  await other.keyboard.press("Enter");
  await other.keyboard.type("Särskilt för unga.");
  await expect(sectionText(drafter, YTTRANDE)).toContainText("Särskilt för unga.");

  const toggle = drafter.getByRole("button", { name: "Visa vem som skrivit" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const legend = drafter.getByRole("region", { name: "Vem som skrivit" });
  await expect(legend.getByRole("listitem")).toHaveText([
    "Ahmed Yilmaz, Enheten för ekonomiskt bistånd",
    "Sara Lindqvist, Barn- och ungdomsenheten",
  ]);
  const paragraphs = sectionText(drafter, YTTRANDE).locator("p.authored");
  await expect(paragraphs.nth(0)).toHaveAttribute(
    "title",
    "Skrivet av Ahmed Yilmaz (Enheten för ekonomiskt bistånd)",
  );
  await expect(paragraphs.nth(1)).toHaveAttribute(
    "title",
    "Skrivet av Sara Lindqvist (Barn- och ungdomsenheten)",
  );
  expect(await seriousAccessibilityViolations(drafter)).toEqual([]);

  // The colours are decorations only: the text stays editable.
  await focusEndOfSection(drafter, YTTRANDE);
  await drafter.keyboard.type(" Och äldre.");
  await expect(sectionText(other, YTTRANDE)).toContainText("Särskilt för unga. Och äldre.");

  const suggested =
    "Ärendet har beretts av Enheten för ekonomiskt bistånd (Ahmed Yilmaz) och Barn- och ungdomsenheten (Sara Lindqvist).";
  const suggestion = sectionPanel(drafter, BEREDNING).locator(".preparation-suggestion");
  await expect(suggestion.locator(".suggested-text")).toHaveText(suggested);
  await expect(sectionText(other, BEREDNING)).not.toContainText("Ärendet har beretts");
  await suggestion.getByRole("button", { name: "Infoga förslaget" }).click();
  await expect(suggestion.getByRole("status")).toHaveText("Förslaget är infogat i avsnittet.");
  await expect.poll(() => sectionPlainText(other, BEREDNING)).toBe(suggested);
  // Only those who may edit Ärendets beredning are offered the suggestion.
  await expect(sectionPanel(other, BEREDNING).locator(".preparation-suggestion")).toHaveCount(0);
});
