import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { seriousAccessibilityViolations } from "./helpers";
import { StatementPage } from "./pages/statement-page";

const TEMPLATE_HEADINGS = [
  "Sammanfattning",
  "Bilaga",
  "Ärendets beredning",
  "Bakgrund",
  "Förvaltningens yttrande och synpunkter",
] as const;

const OPENING_PROPOSAL =
  "Stadsdelsnämnden beslutar att som svar på remissen överlämna och åberopa förvaltningens tjänsteutlåtande.";

/** Well-formed input; its preparing unit is no unit of the demo organisation. */
const PLAUSIBLE_BODY = {
  recipient: "Hässelby-Vällingby stadsdelsnämnd",
  title: "Remiss som inte får skapas",
  preparingUnitIds: ["6f1c1b1e-1c2d-4e3f-8a9b-0c1d2e3f4a5b"],
};

function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

test("a handläggare creates a statement from the template and starts writing in it", async ({
  browser,
  consoleGuard,
}) => {
  // The form is first sent with invalid input on purpose, which the server answers with 400.
  consoleGuard.allow(/status of 400 .*\/api\/statements\)/);
  const page = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await page.page.getByRole("link", { name: "Nytt tjänsteutlåtande" }).click();
  await expect(page.page.getByRole("heading", { level: 1, name: "Nytt tjänsteutlåtande" })).toBeVisible();
  expect(await seriousAccessibilityViolations(page.page)).toEqual([]);

  // Nothing filled in except two deadlines in the wrong order: every problem is shown at once.
  await field(page.page, "Svarstid").fill("2024-10-01");
  await field(page.page, "Förlängd svarstid").fill("2024-09-01");
  await page.page.getByRole("button", { name: "Skapa tjänsteutlåtande" }).click();
  const summary = page.page.getByRole("alert").filter({ hasText: "Tjänsteutlåtandet kunde inte skapas" });
  await expect(summary).toBeFocused();
  for (const message of [
    "Ange vem utlåtandet är till (nämnd).",
    "Ange en titel.",
    "Förlängd svarstid kan inte vara före ordinarie svarstid.",
    "Välj minst en beredande enhet.",
  ]) {
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
  }
  await expect(field(page.page, "Till")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page.page, "Till")).toHaveAccessibleDescription(
    /Ange vem utlåtandet är till \(nämnd\)\./,
  );
  await expect(field(page.page, "Titel")).toHaveAccessibleDescription("Ange en titel.");
  await expect(field(page.page, "Förlängd svarstid")).toHaveAccessibleDescription(
    "Förlängd svarstid kan inte vara före ordinarie svarstid.",
  );
  await expect(field(page.page, "Diarienummer")).not.toHaveAttribute("aria-invalid", "true");
  expect(await seriousAccessibilityViolations(page.page)).toEqual([]);
  await page.page.screenshot({ path: test.info().outputPath("new-statement-errors.png"), fullPage: true });
  const units = page.page.getByRole("group", { name: "Beredande enheter" });
  await expect(units).toHaveAccessibleDescription(/Välj minst en beredande enhet\./);
  await expect(units.getByRole("checkbox", { name: "Barn- och ungdomsenheten" })).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  const title = `Remiss om fritidsgårdar ${Date.now()}`;
  await field(page.page, "Till").fill("Hässelby-Vällingby stadsdelsnämnd");
  await field(page.page, "Titel").fill(title);
  await field(page.page, "Diarienummer").fill("1.5.2-123/2024");
  await field(page.page, "Remiss från").fill("Kommunstyrelsen");
  await field(page.page, "Förlängd svarstid").fill("2024-11-01");
  await units.getByRole("checkbox", { name: "Barn- och ungdomsenheten" }).check();
  await units.getByRole("checkbox", { name: "Enheten för ekonomiskt bistånd" }).check();
  await page.page.getByRole("button", { name: "Skapa tjänsteutlåtande" }).click();

  await expect(page.page).toHaveURL(/\/statements\/[0-9a-f-]{36}$/);
  await expect(page.page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.page.getByRole("definition").filter({ hasText: "förlängd från" })).toContainText(
    "1 november 2024 (förlängd från 1 oktober 2024)",
  );
  await expect(page.page.getByRole("status").filter({ hasText: "Ansluten" })).toBeVisible();
  await expect(
    page.page.getByRole("heading", { level: 2, name: "Förslag till beslut", exact: true }),
  ).toHaveCount(2);
  for (const heading of TEMPLATE_HEADINGS) {
    await expect(page.page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.text("forslag-till-beslut").getByRole("listitem")).toHaveText([OPENING_PROPOSAL]);
  await expect(page.text("sammanfattning")).toHaveText("");

  const bakgrund = page.text("bakgrund");
  await bakgrund.click();
  await page.page.keyboard.type("Kommunstyrelsen har remitterat ärendet till stadsdelsnämnden.");
  await expect(bakgrund).toContainText("Kommunstyrelsen har remitterat ärendet till stadsdelsnämnden.");
});

test("a granskare may not create statements", async ({ browser }) => {
  const page = await StatementPage.signIn(browser, "granskare@demo.test");
  await expect(page.page.getByRole("link", { name: "Nytt tjänsteutlåtande" })).toHaveCount(0);

  const response = await page.page.request.post("/api/statements", { data: PLAUSIBLE_BODY });
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ error: "Du har inte behörighet att skapa tjänsteutlåtanden" });

  await page.page.goto("/statements/new");
  await expect(page.page.getByText("Du har inte behörighet att skapa tjänsteutlåtanden.")).toBeVisible();
  await expect(page.page.getByRole("button", { name: "Skapa tjänsteutlåtande" })).toHaveCount(0);
});

test("the API refuses a new statement without a session, and invalid input field by field", async ({
  browser,
  request,
}) => {
  const anonymous = await request.post("/api/statements", { data: PLAUSIBLE_BODY });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: "Inloggning krävs" });

  const page = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  const empty = await page.page.request.post("/api/statements", { data: {} });
  expect(empty.status()).toBe(400);
  expect(await empty.json()).toEqual({
    error: "Kontrollera de markerade uppgifterna",
    fieldErrors: {
      recipient: "Ange vem utlåtandet är till (nämnd).",
      title: "Ange en titel.",
      preparingUnitIds: "Välj minst en beredande enhet.",
    },
  });

  const invalid = await page.page.request.post("/api/statements", {
    data: { ...PLAUSIBLE_BODY, deadline: "2024-02-30", diarienummer: "x".repeat(51) },
  });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).fieldErrors).toEqual({
    diarienummer: "Diarienumret får vara högst 50 tecken.",
    deadline: "Ange svarstiden som ett giltigt datum (ÅÅÅÅ-MM-DD).",
  });

  // Well-formed, but not a unit of the organisation.
  const unknownUnit = await page.page.request.post("/api/statements", { data: PLAUSIBLE_BODY });
  expect(unknownUnit.status()).toBe(400);
  expect(Object.keys((await unknownUnit.json()).fieldErrors)).toEqual(["preparingUnitIds"]);

  // A Buffer is sent as it is; Playwright would serialise a string as a JSON string.
  const malformed = await page.page.request.post("/api/statements", {
    data: Buffer.from('{"title": '),
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toEqual({ error: "Förfrågan är inte giltig JSON" });

  const listed = await page.page.request.get("/api/statements");
  const titles = ((await listed.json()) as { statements: { title: string }[] }).statements.map(
    (statement) => statement.title,
  );
  expect(titles).not.toContain(PLAUSIBLE_BODY.title);
});
