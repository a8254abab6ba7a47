import { expect, test } from "./fixtures";
import {
  focusEndOfSection,
  openSeedStatement,
  sectionPlainText,
  sectionText,
  selectTextInSection,
  signIn,
} from "./helpers";

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
  const eb = await signIn(browser, "handlaggare.eb@demo.test");
  await openSeedStatement(eb);
  const sammanfattning = eb.locator(`section[data-section="${SAMMANFATTNING}"]`);
  await expect(sammanfattning.locator(".section-read-only")).toHaveText("Ägs av Socialtjänstavdelningen");
  await expect(sectionText(eb, SAMMANFATTNING)).toHaveAttribute("aria-readonly", "true");
  const before = await sectionPlainText(eb, SAMMANFATTNING);
  await focusEndOfSection(eb, SAMMANFATTNING);
  await eb.keyboard.type(" Försök.");
  expect(await sectionPlainText(eb, SAMMANFATTNING)).toBe(before);

  // Commenting needs no right to edit.
  const passage = before.split(/\s+/).slice(0, 3).join(" ");
  await selectTextInSection(eb, SAMMANFATTNING, passage);
  await eb.getByRole("button", { name: "Kommentera markerad text i Sammanfattning" }).click();
  await eb.getByLabel("Kommentar", { exact: true }).fill("Bör vi nämna försörjningsstödet här?");
  await eb.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(
    eb.locator(".comments-panel .comment-thread", { hasText: "försörjningsstödet" }),
  ).toBeVisible();

  const yttrande = eb.locator(`section[data-section="${YTTRANDE}"]`);
  await expect(yttrande.locator(".section-read-only")).toHaveCount(0);
  await focusEndOfSection(eb, YTTRANDE);
  await eb.keyboard.type(" Tillägg från ekonomiskt bistånd.");
  await expect(sectionText(eb, YTTRANDE)).toContainText("Tillägg från ekonomiskt bistånd.");
  await eb.reload();
  await expect(sectionText(eb, YTTRANDE)).toContainText("Tillägg från ekonomiskt bistånd.");
});

test("the coordinator edits every section", async ({ browser }) => {
  const bou = await signIn(browser, "handlaggare.bou@demo.test");
  await openSeedStatement(bou);
  await expect(bou.locator(".section-read-only")).toHaveCount(0);
  for (const key of SECTIONS) {
    await expect(sectionText(bou, key)).not.toHaveAttribute("aria-readonly", "true");
  }
  await focusEndOfSection(bou, "bilaga");
  await bou.keyboard.type(" Samordnarens rad.");
  await expect(sectionText(bou, "bilaga")).toContainText("Samordnarens rad.");
});
