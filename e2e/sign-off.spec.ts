import { expect, type Page, test } from "@playwright/test";
import { AVDELNING_SECTIONS } from "../tests/support/sections";
import {
  createStatementViaForm,
  focusEndOfSection,
  openStatementAt,
  sectionPanel,
  sectionText,
  signIn,
} from "./helpers";

const YTTRANDE = "forvaltningens-yttrande";

function state(page: Page, sectionKey: string) {
  return sectionPanel(page, sectionKey).locator(".sign-off");
}

async function approveSection(page: Page, sectionKey: string) {
  await sectionPanel(page, sectionKey)
    .getByRole("button", { name: /^Godkänn/ })
    .click();
}

test("chefs sign off section by section; an edit makes approvals stale everywhere; the direktör finalises", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const handlaggareEb = await signIn(browser, "handlaggare.eb@demo.test");
  const url = await createStatementViaForm(handlaggareEb, `Remiss om bostadsförsörjning ${Date.now()}`);
  for (const key of [
    "sammanfattning",
    "bilaga",
    "arendets-beredning",
    "bakgrund",
    "forslag-till-beslut-avslutande",
  ]) {
    await focusEndOfSection(handlaggareEb, key);
    await handlaggareEb.keyboard.type(`Text i ${key}.`);
  }
  await focusEndOfSection(handlaggareEb, YTTRANDE);
  await handlaggareEb.keyboard.type("Segregeringen har ökat under senare år");

  const chefBou = await openStatementAt(browser, "enhetschef.bou@demo.test", url);
  const chefEb = await openStatementAt(browser, "enhetschef.eb@demo.test", url);
  await expect(sectionText(chefBou, YTTRANDE)).toContainText("under senare år");
  await expect(state(chefBou, YTTRANDE)).toHaveAttribute("data-state", "open");
  // A handläggare is not asked to approve, and a chef only where the section names their role.
  await expect(sectionPanel(handlaggareEb, YTTRANDE).getByRole("button", { name: /^Godkänn/ })).toHaveCount(
    0,
  );
  await expect(sectionPanel(chefBou, "bakgrund").getByRole("button", { name: /^Godkänn/ })).toHaveCount(0);

  await approveSection(chefBou, YTTRANDE);
  for (const page of [chefBou, chefEb, handlaggareEb]) {
    await expect(state(page, YTTRANDE)).toHaveAttribute("data-state", "partly-approved");
  }
  await approveSection(chefEb, YTTRANDE);
  for (const page of [chefBou, chefEb, handlaggareEb]) {
    await expect(state(page, YTTRANDE)).toHaveAttribute("data-state", "approved");
    await expect(state(page, YTTRANDE)).toContainText("Godkänt av Johan Berg");
    await expect(state(page, YTTRANDE)).toContainText("Godkänt av Elin Nordström");
  }

  // One word changes: both approvals turn stale on every open page, with the word in the diff.
  await focusEndOfSection(handlaggareEb, YTTRANDE);
  await handlaggareEb.keyboard.press("Backspace");
  await handlaggareEb.keyboard.press("Backspace");
  await handlaggareEb.keyboard.type("tid");
  for (const page of [chefBou, chefEb, handlaggareEb]) {
    await expect(state(page, YTTRANDE)).toHaveAttribute("data-state", "stale");
    await expect(state(page, YTTRANDE)).toContainText("Ändrad efter godkännande");
    await expect(state(page, YTTRANDE).locator("del")).toHaveText("borttaget: år");
    await expect(state(page, YTTRANDE).locator("ins")).toHaveText("tillagt: tid");
  }

  // Re-approval by both makes the section approved again.
  await approveSection(chefBou, YTTRANDE);
  await approveSection(chefEb, YTTRANDE);
  for (const page of [chefBou, chefEb, handlaggareEb]) {
    await expect(state(page, YTTRANDE)).toHaveAttribute("data-state", "approved");
  }

  // Finalising is refused while sections are unapproved, then allowed once all are.
  const direktor = await openStatementAt(browser, "direktor@demo.test", url);
  await direktor.getByRole("button", { name: "Justera tjänsteutlåtandet" }).click();
  await expect(
    direktor.getByRole("alert").filter({ hasText: "Alla avsnitt är inte godkända" }),
  ).toContainText("Bakgrund");
  const avdelningschef = await openStatementAt(browser, "avdelningschef@demo.test", url);
  for (const key of AVDELNING_SECTIONS) {
    await approveSection(avdelningschef, key);
    await expect(state(avdelningschef, key)).toHaveAttribute("data-state", "approved");
  }
  await expect(direktor.getByText("7 av 7 avsnitt godkända.")).toBeVisible();
  await direktor.getByRole("button", { name: "Justera tjänsteutlåtandet" }).click();
  for (const page of [direktor, handlaggareEb]) {
    await expect(page.locator(".finalised-banner")).toContainText("Justerad av Leif Spjuth");
  }

  // handlaggare.bou can no longer change the text: the editor is locked, and the server drops writes.
  const handlaggareBou = await openStatementAt(browser, "handlaggare.bou@demo.test", url);
  await expect(handlaggareBou.getByText("Utlåtandet är justerat och kan inte ändras.")).toBeVisible();
  await expect(sectionText(handlaggareBou, "bakgrund")).toHaveAttribute("contenteditable", "false");
  await expect(sectionText(handlaggareEb, "bakgrund")).toHaveAttribute("contenteditable", "false");
  const api = await handlaggareBou.request.get(`/api/statements/${url.split("/").pop()}`);
  expect((await api.json()).canEditText).toBe(false);
});
