import { expect, test } from "./fixtures";
import { StatementPage } from "./pages/statement-page";

const SAMMANFATTNING = "sammanfattning";
const YTTRANDE = "forvaltningens-yttrande";
const SECTIONS = [
  "forslag-till-beslut",
  SAMMANFATTNING,
  "bilaga",
  "arendets-beredning",
  "bakgrund",
  YTTRANDE,
  "forslag-till-beslut-avslutande",
];

test("an enhet's handläggare reads and comments on the avdelning's section, and edits the enheter's", async ({
  browser,
}) => {
  const eb = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  await eb.openSeed();
  await expect(eb.ownerNote(SAMMANFATTNING)).toHaveText("Ägs av Socialtjänstavdelningen");
  await expect(eb.text(SAMMANFATTNING)).toHaveAttribute("aria-readonly", "true");
  const before = await eb.plainText(SAMMANFATTNING);
  await eb.focusEnd(SAMMANFATTNING);
  await eb.page.keyboard.type(" Försök.");
  expect(await eb.plainText(SAMMANFATTNING)).toBe(before);

  // Commenting needs no right to edit.
  const passage = before.split(/\s+/).slice(0, 3).join(" ");
  await eb.startComment(SAMMANFATTNING, "Sammanfattning", passage);
  await eb.page.getByLabel("Kommentar", { exact: true }).fill("Bör vi nämna försörjningsstödet här?");
  await eb.page.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(eb.comments.thread("försörjningsstödet")).toBeVisible();

  await expect(eb.ownerNote(YTTRANDE)).toHaveCount(0);
  await eb.focusEnd(YTTRANDE);
  await eb.page.keyboard.type(" Tillägg från ekonomiskt bistånd.");
  await expect(eb.text(YTTRANDE)).toContainText("Tillägg från ekonomiskt bistånd.");
  await eb.page.reload();
  await expect(eb.text(YTTRANDE)).toContainText("Tillägg från ekonomiskt bistånd.");
});

test("the coordinator edits every section", async ({ browser }) => {
  const bou = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await bou.openSeed();
  await expect(bou.page.getByRole("paragraph").filter({ hasText: /^Ägs av/ })).toHaveCount(0);
  for (const key of SECTIONS) {
    await expect(bou.text(key)).not.toHaveAttribute("aria-readonly", "true");
  }
  await bou.focusEnd("bilaga");
  await bou.page.keyboard.type(" Samordnarens rad.");
  await expect(bou.text("bilaga")).toContainText("Samordnarens rad.");
});
