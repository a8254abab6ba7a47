import type { Page } from "@playwright/test";
import { AVDELNING_SECTIONS } from "../tests/support/sections";
import { expect, test } from "./fixtures";
import {
  createStatementViaForm,
  focusEndOfSection,
  openStatementAt,
  sectionPanel,
  sectionText,
  selectTextInSection,
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

async function justera(direktor: Page) {
  await direktor.getByRole("button", { name: "Justera tjänsteutlåtandet" }).click();
  await direktor.getByRole("button", { name: "Ja, justera" }).click();
}

test("chefs sign off section by section; an edit makes approvals stale everywhere; the direktör finalises", async ({
  browser,
  consoleGuard,
}) => {
  test.setTimeout(120_000);
  const handlaggareEb = await signIn(browser, "handlaggare.eb@demo.test");
  const url = await createStatementViaForm(handlaggareEb, `Remiss om bostadsförsörjning ${Date.now()}`, {
    deadline: "2020-01-15",
  });
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
  // Whoever may edit the approved section is told that an edit makes the approvals stale.
  const warning = sectionPanel(handlaggareEb, YTTRANDE).locator(".approved-edit-warning");
  await expect(warning).toContainText("Om du ändrar texten blir godkännandena inaktuella");

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
  await expect(warning).toHaveCount(0);

  // Re-approval by both makes the section approved again.
  await approveSection(chefBou, YTTRANDE);
  await approveSection(chefEb, YTTRANDE);
  for (const page of [chefBou, chefEb, handlaggareEb]) {
    await expect(state(page, YTTRANDE)).toHaveAttribute("data-state", "approved");
  }

  // Finalising is refused while sections are unapproved, then allowed once all are.
  const direktor = await openStatementAt(browser, "direktor@demo.test", url);
  // The refused request is logged by the browser, as every answer other than 2xx is.
  consoleGuard.allow(/status of 409/);
  await justera(direktor);
  await expect(
    direktor.getByRole("alert").filter({ hasText: "Alla avsnitt är inte godkända" }),
  ).toContainText("Bakgrund");
  const avdelningschef = await openStatementAt(browser, "avdelningschef@demo.test", url);
  for (const key of AVDELNING_SECTIONS) {
    await approveSection(avdelningschef, key);
    await expect(state(avdelningschef, key)).toHaveAttribute("data-state", "approved");
  }
  await expect(direktor.getByText("7 av 7 avsnitt godkända.")).toBeVisible();
  // The earlier refusal does not linger beside the count once every section is approved.
  await expect(direktor.locator(".finalise-panel").getByRole("alert")).toHaveCount(0);

  // A granskare's comment, open when the statement is finalised.
  const granskare = await openStatementAt(browser, "granskare@demo.test", url);
  await selectTextInSection(granskare, "bakgrund", "Text i bakgrund");
  await granskare.getByRole("button", { name: "Kommentera markerad text i Bakgrund" }).click();
  await granskare.getByLabel("Kommentar", { exact: true }).fill("Är detta slutligt?");
  await granskare.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(granskare.locator(".comment-thread", { hasText: "Är detta slutligt?" })).toBeVisible();

  // Justering asks first, and Avbryt leaves the statement as it was.
  await direktor.getByRole("button", { name: "Justera tjänsteutlåtandet" }).click();
  await expect(direktor.getByText("kan inte ångras")).toBeVisible();
  await direktor.getByRole("button", { name: "Avbryt" }).click();
  await expect(direktor.locator(".finalised-banner")).toHaveCount(0);
  await justera(direktor);
  for (const page of [direktor, handlaggareEb, granskare]) {
    await expect(page.locator(".finalised-banner")).toContainText("Justerad av Leif Spjuth");
  }
  // No comment controls once finalised, on pages open at the time and on a fresh one.
  const handlaggareBou = await openStatementAt(browser, "handlaggare.bou@demo.test", url);
  for (const page of [granskare, handlaggareBou]) {
    const thread = page.locator(".comment-thread", { hasText: "Är detta slutligt?" });
    await expect(thread).toBeVisible();
    await expect(page.getByRole("button", { name: /^Kommentera/ })).toHaveCount(0);
    await expect(thread.getByLabel("Svara")).toHaveCount(0);
    await expect(thread.getByRole("button", { name: /Markera som löst|Ändra|Ta bort/ })).toHaveCount(0);
  }
  // The statement is answered: its past deadline is no longer shown as overdue.
  const deadline = handlaggareBou.getByRole("definition").filter({ hasText: "2020" });
  await expect(deadline).toContainText("15 januari 2020 – justerad");
  await expect(deadline).not.toContainText("passerad");

  // handlaggare.bou can no longer change the text: the editor is locked, and the server drops writes.
  await expect(handlaggareBou.getByText("Utlåtandet är justerat och kan inte ändras.")).toBeVisible();
  await expect(sectionText(handlaggareBou, "bakgrund")).toHaveAttribute("aria-readonly", "true");
  await expect(sectionText(handlaggareEb, "bakgrund")).toHaveAttribute("aria-readonly", "true");
  await focusEndOfSection(handlaggareBou, "bakgrund");
  await handlaggareBou.keyboard.type(" Efter justeringen");
  await expect(sectionText(handlaggareBou, "bakgrund")).not.toContainText("Efter justeringen");
  const api = await handlaggareBou.request.get(`/api/statements/${url.split("/").pop()}`);
  expect((await api.json()).canEditText).toBe(false);
});
