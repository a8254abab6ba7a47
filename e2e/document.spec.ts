import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import mammoth from "mammoth";
import { renderDocx } from "../document/docx";
import { seedDocumentModel } from "../tests/support/seed-document";
import { expect, test } from "./fixtures";
import { seriousAccessibilityViolations } from "./helpers";
import { StatementPage } from "./pages/statement-page";

const run = promisify(execFile);

async function pdfText(bytes: Buffer): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "beredning-e2e-pdf-"));
  try {
    const file = path.join(folder, "page.page.pdf");
    await writeFile(file, bytes);
    return (await run("pdftotext", ["-enc", "UTF-8", file, "-"])).stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

test("a handläggare and the date edited on the statement page show in the document view", async ({
  browser,
}) => {
  const page = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  await page.openSeed();
  const reader = await StatementPage.signIn(browser, "granskare@demo.test");
  await reader.openSeed();
  await page.page.getByRole("button", { name: "Ändra uppgifter" }).click();
  const form = page.page.getByRole("form", { name: "Ändra uppgifter" });
  await form.getByLabel("Datum").fill("2011-08-15");
  const contacts = form.getByRole("group", { name: "Handläggare" });
  await contacts.getByRole("button", { name: "Lägg till handläggare" }).click();
  await contacts.getByLabel("Namn").fill("Sara Lindqvist");
  await contacts.getByLabel("Telefon").fill("08-508 03 000");
  await form.getByRole("button", { name: "Spara uppgifter" }).click();
  await expect(page.page.getByRole("button", { name: "Ändra uppgifter" })).toBeVisible();
  await expect(page.detail("Handläggare")).toContainText("Sara Lindqvist, 08-508 03 000");
  // The granskare's open page shows the change without a reload, and offers no form.
  await expect(reader.detail("Handläggare")).toContainText("Sara Lindqvist, 08-508 03 000");
  await expect(reader.detail("Datum")).toContainText("15 augusti 2011");
  await expect(reader.page.getByRole("button", { name: "Ändra uppgifter" })).toHaveCount(0);

  const { document, signatories } = await page.openDocumentView();
  await expect(document).toContainText("Handläggare: Sara Lindqvist, 08-508 03 000");
  await expect(document).toContainText("Datum 15 augusti 2011");
  await expect(document).toContainText("UTKAST");
  await expect(signatories).toHaveText(["Leif Spjuthstadsdelsdirektör", "Ingrid Brännströmavdelningschef"]);
});

test("the document view prints as the document alone, and passes axe", async ({ browser }) => {
  const page = await StatementPage.signIn(browser, "granskare@demo.test");
  await page.openSeed();
  await page.openDocumentView();
  expect(await seriousAccessibilityViolations(page.page)).toEqual([]);
  const text = await pdfText(await page.page.pdf({ format: "A4" }));
  expect(text).toContain("Förvaltningens yttrande och synpunkter");
  expect(text).toContain("Tjänsteutlåtande");
  expect(text).toMatch(/Sida 1 \(\d+\)/);
  for (const chrome of [
    "Beredning",
    "Maria Ek",
    "Logga ut",
    "Hoppa till innehållet",
    "Ladda ned",
    "Tillbaka",
  ]) {
    expect(text, chrome).not.toContain(chrome);
  }
});

test("the DOCX downloads from the button on the statement page", async ({ browser }) => {
  const page = await StatementPage.signIn(browser, "granskare@demo.test");
  await page.openSeed();
  const [download] = await Promise.all([
    page.page.waitForEvent("download"),
    page.page.getByRole("link", { name: "Ladda ned Word (DOCX)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Om ökad jämlikhet.*\.docx$/);
  const file = await download.path();
  const { value } = await mammoth.extractRawText({ buffer: await readFile(file) });
  expect(value).toContain("Förvaltningens yttrande och synpunkter");
});

test("a Word file imported on the new-statement page becomes a statement", async ({ browser }) => {
  const page = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  await page.page.goto("/statements/new");
  await page.page.getByLabel("Word-dokument (.docx, högst 10 MB)").setInputFiles({
    name: "remissvar.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: await renderDocx(seedDocumentModel()),
  });
  await expect(page.page.getByText("All text hör till avsnitt i mallen.")).toBeVisible();
  await expect(page.page.getByLabel("Till", { exact: true })).toHaveValue(
    "Hässelby-Vällingby stadsdelsnämnd",
  );
  await expect(page.page.getByLabel("Diarienummer")).toHaveValue("1.5-123/2011");
  await expect(page.page.getByRole("checkbox", { name: "Barn- och ungdomsenheten" })).toBeChecked();
  // A title of its own, so the seed statement's link stays unique for the other tests.
  await page.page.getByLabel("Titel", { exact: true }).fill("Importerat remissvar om jämlikhet");
  await page.page.getByRole("button", { name: "Skapa tjänsteutlåtande från Word-dokumentet" }).click();
  await expect(page.page).toHaveURL(/\/statements\/[0-9a-f-]{36}$/);
  await expect(page.text("bakgrund")).toContainText("Karin Rågsjö (v) och Måns Almqvist (v)");
  await expect(page.detail("Undertecknas av")).toContainText("Leif Spjuth, stadsdelsdirektör");
});

test("a PNG renamed .docx is refused in Swedish", async ({ browser, consoleGuard }) => {
  // The server refuses the file with 400, which the browser logs.
  consoleGuard.allow(/status of 400 .*\/api\/statements\/import\/preview/);
  const page = await StatementPage.signIn(browser, "handlaggare.eb@demo.test");
  await page.page.goto("/statements/new");
  await page.page.getByLabel("Word-dokument (.docx, högst 10 MB)").setInputFiles({
    name: "bild.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"),
  });
  await expect(page.page.getByRole("alert").filter({ hasText: "Filen" })).toHaveText(
    "Filen är inte ett Word-dokument (.docx).",
  );
});
