import { expect, test } from "./fixtures";
import { createStatementViaForm, seriousAccessibilityViolations } from "./helpers";
import { StatementPage } from "./pages/statement-page";

const YTTRANDE = "forvaltningens-yttrande";
const BEREDNING = "arendets-beredning";

test("colours paragraphs by who wrote them, with a legend, and inserts Ärendets beredning in one click", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The creator coordinates the statement, so may write Ärendets beredning.
  const drafting = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  const drafter = drafting.page;
  const url = await createStatementViaForm(drafter, `Remiss om bibliotek ${Date.now()}`);
  await drafting.focusEnd(YTTRANDE);
  await drafter.keyboard.type("Biblioteken behövs.");
  const other = await StatementPage.signIn(browser, "handlaggare.bou@demo.test", url);
  // The second paragraph is started only after the first has arrived, as a user would see it.
  await expect(other.text(YTTRANDE)).toContainText("Biblioteken behövs.");
  await other.focusEnd(YTTRANDE);
  await other.page.keyboard.press("Enter");
  await other.page.keyboard.type("Särskilt för unga.");
  await expect(drafting.text(YTTRANDE)).toContainText("Särskilt för unga.");

  const toggle = drafter.getByRole("button", { name: "Visa vem som skrivit" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const legend = drafter.getByRole("region", { name: "Vem som skrivit" });
  await expect(legend.getByRole("listitem")).toHaveText([
    "Ahmed Yilmaz, Enheten för ekonomiskt bistånd",
    "Sara Lindqvist, Barn- och ungdomsenheten",
  ]);
  const paragraphs = drafting.authoredParagraphs(YTTRANDE);
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
  await drafting.focusEnd(YTTRANDE);
  await drafter.keyboard.type(" Och äldre.");
  await expect(other.text(YTTRANDE)).toContainText("Särskilt för unga. Och äldre.");

  const suggested =
    "Ärendet har beretts av Enheten för ekonomiskt bistånd (Ahmed Yilmaz) och Barn- och ungdomsenheten (Sara Lindqvist).";
  const suggestion = drafting.preparationSuggestion(BEREDNING);
  await expect(suggestion.text).toHaveText(suggested);
  await expect(other.text(BEREDNING)).not.toContainText("Ärendet har beretts");
  await suggestion.root.getByRole("button", { name: "Infoga förslaget" }).click();
  await expect(suggestion.root.getByRole("status")).toHaveText("Förslaget är infogat i avsnittet.");
  await expect.poll(() => other.plainText(BEREDNING)).toBe(suggested);
  // Only those who may edit Ärendets beredning are offered the suggestion.
  await expect(other.preparationSuggestion(BEREDNING).root).toHaveCount(0);
});
