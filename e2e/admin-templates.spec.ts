import { expect, test } from "./fixtures";
import { seriousAccessibilityViolations } from "./helpers";
import { LoginPage } from "./pages/login-page";
import { StatementPage } from "./pages/statement-page";

test("the admin creates a template, and a new statement made from it has its sections", async ({
  browser,
}) => {
  const name = `Yttrande om bidrag ${Date.now()}`;
  const admin = await LoginPage.signIn(browser, "admin@demo.test");
  await admin.goto("/admin");
  await admin
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Mallar" })
    .click();
  await expect(admin.getByRole("heading", { level: 1, name: "Mallar" })).toBeVisible();
  await expect(admin.getByRole("link", { name: "Remissvar" })).toBeVisible();
  expect(await seriousAccessibilityViolations(admin)).toEqual([]);

  await admin.getByRole("link", { name: "Ny mall" }).click();
  const form = admin.getByRole("form", { name: "Ny mall" });
  await form.getByLabel("Namn").fill(name);
  await form.getByLabel("Beskrivning").fill("Ett yttrande om föreningsbidrag.");
  const first = form.getByRole("group", { name: "1. Avsnitt 1" });
  await first.getByLabel("Rubrik").fill("Förslag till beslut");
  await expect(form.getByRole("group", { name: "1. Förslag till beslut" }).getByLabel("Nyckel")).toHaveValue(
    "forslag-till-beslut",
  );
  await form.getByRole("button", { name: "Lägg till avsnitt" }).click();
  const second = form.getByRole("group", { name: "2. Avsnitt 2" });
  await second.getByLabel("Rubrik").fill("Bedömning av ansökan");
  const bedomning = form.getByRole("group", { name: "2. Bedömning av ansökan" });
  await bedomning.getByLabel("Vägledning").fill("Bedöm ansökan mot riktlinjerna.");
  await bedomning.getByLabel("Ägs av").selectOption({ label: "De beredande enheterna" });
  await bedomning.getByRole("combobox", { name: "Roll" }).selectOption({ label: "Enhetschef" });
  await form.getByRole("button", { name: "Flytta upp Bedömning av ansökan" }).click();
  await expect(form.getByRole("group", { name: "1. Bedömning av ansökan" })).toBeVisible();
  expect(await seriousAccessibilityViolations(admin)).toEqual([]);
  await form.getByRole("button", { name: "Skapa mallen" }).click();

  await expect(admin.getByRole("heading", { level: 1, name: `Mallen ${name}` })).toBeVisible();
  await expect(
    admin.getByRole("group", { name: "1. Bedömning av ansökan" }).getByLabel("Nyckel"),
  ).toHaveValue("bedomning-av-ansokan");
  expect(await seriousAccessibilityViolations(admin)).toEqual([]);

  const drafting = await StatementPage.signIn(browser, "handlaggare.bou@demo.test");
  const handlaggare = drafting.page;
  await handlaggare.getByRole("link", { name: "Nytt tjänsteutlåtande" }).click();
  await handlaggare.getByRole("group", { name: "Mall" }).getByRole("radio", { name }).check();
  await handlaggare.getByLabel("Till", { exact: true }).fill("Hässelby-Vällingby stadsdelsnämnd");
  await handlaggare.getByLabel("Titel", { exact: true }).fill("Bidrag till Vällingby IF");
  await handlaggare
    .getByRole("group", { name: "Beredande enheter" })
    .getByRole("checkbox", { name: "Barn- och ungdomsenheten" })
    .check();
  await handlaggare.getByRole("button", { name: "Skapa tjänsteutlåtande" }).click();
  await expect(handlaggare.getByRole("status").filter({ hasText: "Ansluten" })).toBeVisible();
  await expect(drafting.sectionHeadings).toHaveText(["Bedömning av ansökan", "Förslag till beslut"]);
  await expect(drafting.section("bedomning-av-ansokan")).toBeVisible();
  await expect(drafting.text("bedomning-av-ansokan")).toHaveAttribute(
    "aria-placeholder",
    "Bedöm ansökan mot riktlinjerna.",
  );
  await drafting.text("bedomning-av-ansokan").click();
  await handlaggare.keyboard.type("Föreningen uppfyller riktlinjerna.");
  await expect(drafting.text("bedomning-av-ansokan")).toContainText("Föreningen uppfyller riktlinjerna.");

  // Editing the template afterwards leaves the statement as it was made.
  const stored = admin.getByRole("form", { name: "Mallens innehåll" });
  await stored.getByRole("button", { name: "Ta bort avsnittet Förslag till beslut" }).click();
  await stored.getByRole("button", { name: "Spara mallen" }).click();
  await expect(stored.getByRole("status")).toHaveText(
    "Mallen är sparad. Redan skapade tjänsteutlåtanden ändras inte.",
  );
  await expect(admin.getByText("Tjänsteutlåtanden har skapats från den")).toBeVisible();
  await handlaggare.reload();
  await expect(drafting.sectionHeadings).toHaveText(["Bedömning av ansökan", "Förslag till beslut"]);
});
