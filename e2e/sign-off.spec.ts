import { AVDELNING_SECTIONS } from "../tests/support/sections";
import { expect, test } from "./fixtures";
import { createStatementViaForm } from "./helpers";
import { StatementPage } from "./pages/statement-page";

const YTTRANDE = "forvaltningens-yttrande";

test("chefs sign off section by section; an edit makes approvals stale everywhere; the direktör finalises", async ({
  browser,
  consoleGuard,
}) => {
  test.setTimeout(120_000);
  const handlaggareEb = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  const url = await createStatementViaForm(handlaggareEb.page, `Remiss om bostadsförsörjning ${Date.now()}`, {
    deadline: "2020-01-15",
  });
  for (const key of [
    "sammanfattning",
    "bilaga",
    "arendets-beredning",
    "bakgrund",
    "forslag-till-beslut-avslutande",
  ]) {
    await handlaggareEb.focusEnd(key);
    await handlaggareEb.page.keyboard.type(`Text i ${key}.`);
  }
  await handlaggareEb.focusEnd(YTTRANDE);
  await handlaggareEb.page.keyboard.type("Segregeringen har ökat under senare år");

  const chefBou = await StatementPage.signIn(browser, "enhetschef.bou@demo.test", url);
  const chefEb = await StatementPage.signIn(browser, "enhetschef.eb@demo.test", url);
  await expect(chefBou.text(YTTRANDE)).toContainText("under senare år");
  await expect(chefBou.signOff(YTTRANDE)).toHaveAttribute("data-state", "open");
  // A handläggare is not asked to approve, and a chef only where the section names their role.
  await expect(handlaggareEb.approveButton(YTTRANDE)).toHaveCount(0);
  await expect(chefBou.approveButton("bakgrund")).toHaveCount(0);

  await chefBou.approve(YTTRANDE);
  for (const page of [chefBou, chefEb, handlaggareEb]) {
    await expect(page.signOff(YTTRANDE)).toHaveAttribute("data-state", "partly-approved");
  }
  await chefEb.approve(YTTRANDE);
  for (const page of [chefBou, chefEb, handlaggareEb]) {
    await expect(page.signOff(YTTRANDE)).toHaveAttribute("data-state", "approved");
    await expect(page.signOff(YTTRANDE)).toContainText("Godkänt av Johan Berg");
    await expect(page.signOff(YTTRANDE)).toContainText("Godkänt av Elin Nordström");
  }
  // Whoever may edit the approved section is told that an edit makes the approvals stale.
  const warning = handlaggareEb.approvedEditWarning(YTTRANDE);
  await expect(warning).toContainText("Om du ändrar texten blir godkännandena inaktuella");

  // One word changes: both approvals turn stale on every open page, with the word in the diff.
  await handlaggareEb.focusEnd(YTTRANDE);
  await handlaggareEb.page.keyboard.press("Backspace");
  await handlaggareEb.page.keyboard.press("Backspace");
  await handlaggareEb.page.keyboard.type("tid");
  for (const page of [chefBou, chefEb, handlaggareEb]) {
    await expect(page.signOff(YTTRANDE)).toHaveAttribute("data-state", "stale");
    await expect(page.signOff(YTTRANDE)).toContainText("Ändrad efter godkännande");
    const change = page.changeSinceApproval(YTTRANDE);
    await expect(change.removed).toHaveText("borttaget: år");
    await expect(change.added).toHaveText("tillagt: tid");
  }
  await expect(warning).toHaveCount(0);

  // Re-approval by both makes the section approved again.
  await chefBou.approve(YTTRANDE);
  await chefEb.approve(YTTRANDE);
  for (const page of [chefBou, chefEb, handlaggareEb]) {
    await expect(page.signOff(YTTRANDE)).toHaveAttribute("data-state", "approved");
  }

  // Finalising is refused while sections are unapproved, then allowed once all are.
  const direktor = await StatementPage.signIn(browser, "direktor@demo.test", url);
  // The refused request is logged by the browser, as every answer other than 2xx is.
  consoleGuard.allow(/status of 409/);
  await direktor.finalise();
  await expect(
    direktor.page.getByRole("alert").filter({ hasText: "Alla avsnitt är inte godkända" }),
  ).toContainText("Bakgrund");
  const avdelningschef = await StatementPage.signIn(browser, "avdelningschef@demo.test", url);
  for (const key of AVDELNING_SECTIONS) {
    await avdelningschef.approve(key);
    await expect(avdelningschef.signOff(key)).toHaveAttribute("data-state", "approved");
  }
  await expect(direktor.page.getByText("7 av 7 avsnitt godkända.")).toBeVisible();
  // The earlier refusal does not linger beside the count once every section is approved.
  await expect(direktor.finalisePanel.getByRole("alert")).toHaveCount(0);

  // A granskare's comment, open when the statement is finalised.
  const granskare = await StatementPage.signIn(browser, "granskare@demo.test", url);
  await granskare.select("bakgrund", "Text i bakgrund");
  await granskare.page.getByRole("button", { name: "Kommentera markerad text i Bakgrund" }).click();
  await granskare.page.getByLabel("Kommentar", { exact: true }).fill("Är detta slutligt?");
  await granskare.page.getByRole("button", { name: "Spara kommentar" }).click();
  await expect(granskare.comments.thread("Är detta slutligt?")).toBeVisible();

  // Justering asks first, and Avbryt leaves the statement as it was.
  await direktor.page.getByRole("button", { name: "Justera tjänsteutlåtandet" }).click();
  await expect(direktor.page.getByText("kan inte ångras")).toBeVisible();
  await direktor.page.getByRole("button", { name: "Avbryt" }).click();
  await expect(direktor.finalisedBanner).toHaveCount(0);
  await direktor.finalise();
  for (const page of [direktor, handlaggareEb, granskare]) {
    await expect(page.finalisedBanner).toContainText("Justerad av Leif Spjuth");
  }
  // No comment controls once finalised, on pages open at the time and on a fresh one.
  const handlaggareBou = await StatementPage.signIn(browser, "handlaggare.bou@demo.test", url);
  for (const page of [granskare, handlaggareBou]) {
    const thread = page.comments.thread("Är detta slutligt?");
    await expect(thread).toBeVisible();
    await expect(page.page.getByRole("button", { name: /^Kommentera/ })).toHaveCount(0);
    await expect(thread.getByLabel("Svara")).toHaveCount(0);
    await expect(thread.getByRole("button", { name: /Markera som löst|Ändra|Ta bort/ })).toHaveCount(0);
  }
  // The statement is answered: its past deadline is no longer shown as overdue.
  const deadline = handlaggareBou.page.getByRole("definition").filter({ hasText: "2020" });
  await expect(deadline).toContainText("15 januari 2020 – justerad");
  await expect(deadline).not.toContainText("passerad");

  // handlaggare.bou can no longer change the text: the editor is locked, and the server drops writes.
  await expect(handlaggareBou.page.getByText("Utlåtandet är justerat och kan inte ändras.")).toBeVisible();
  await expect(handlaggareBou.text("bakgrund")).toHaveAttribute("aria-readonly", "true");
  await expect(handlaggareEb.text("bakgrund")).toHaveAttribute("aria-readonly", "true");
  await handlaggareBou.focusEnd("bakgrund");
  await handlaggareBou.page.keyboard.type(" Efter justeringen");
  await expect(handlaggareBou.text("bakgrund")).not.toContainText("Efter justeringen");
  const api = await handlaggareBou.page.request.get(`/api/statements/${url.split("/").pop()}`);
  expect((await api.json()).canEditText).toBe(false);
});
