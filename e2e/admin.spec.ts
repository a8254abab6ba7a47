import { expect, test } from "./fixtures";
import { seriousAccessibilityViolations } from "./helpers";
import { DEMO_PASSWORD, LoginPage } from "./pages/login-page";
import { StatementPage } from "./pages/statement-page";

test("the admin creates a unit and a user in it, who signs in and drafts for the new unit", async ({
  browser,
}) => {
  const suffix = Date.now();
  const unitName = `Fritidsenheten ${suffix}`;
  const email = `fritid.${suffix}@demo.test`;

  const admin = await LoginPage.signIn(browser, "admin@demo.test");
  await admin.getByRole("link", { name: "Administration" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  expect(await seriousAccessibilityViolations(admin)).toEqual([]);

  await admin.getByRole("link", { name: "Enheter" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Enheter" })).toBeVisible();
  const newUnit = admin.getByRole("form", { name: "Ny enhet" });
  await newUnit.getByLabel("Namn").fill(unitName);
  await newUnit.getByLabel("Hör till").selectOption({ label: "Enhet under Socialtjänstavdelningen" });
  await newUnit.getByRole("button", { name: "Skapa enhet" }).click();
  await expect(admin.getByRole("form", { name: `Enheten ${unitName}` })).toBeVisible();
  expect(await seriousAccessibilityViolations(admin)).toEqual([]);

  await admin.getByRole("link", { name: "Användare" }).click();
  const newUser = admin.getByRole("form", { name: "Ny användare" });
  await newUser.getByLabel("Namn").fill("Frida Fritid");
  await newUser.getByLabel("E-post").fill(email);
  await newUser.getByLabel("Titel").fill("Fritidsledare");
  await newUser.getByLabel("Telefon").fill("08-508 123 45");
  await newUser.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await newUser.getByLabel("Roll").selectOption({ label: "Handläggare" });
  await newUser.getByLabel("Enhet").selectOption({ label: unitName });
  await newUser.getByRole("button", { name: "Lägg till roll" }).click();
  await expect(newUser.getByText(`Handläggare, ${unitName}`)).toBeVisible();
  await newUser.getByRole("button", { name: "Skapa användare" }).click();
  await expect(admin.getByText(`Frida Fritid (${email})`)).toBeVisible();
  expect(await seriousAccessibilityViolations(admin)).toEqual([]);

  await admin.getByLabel("Sök på namn eller e-post").fill("frida");
  await admin.getByRole("button", { name: "Sök" }).click();
  await expect(admin.getByText(`Frida Fritid (${email})`)).toBeVisible();
  await expect(admin.getByText("(admin@demo.test)")).toHaveCount(0);

  const frida = await LoginPage.signIn(browser, email);
  await expect(frida.getByText(`Handläggare, ${unitName}`)).toBeVisible();
  await frida.getByRole("link", { name: "Nytt tjänsteutlåtande" }).click();
  await frida.getByLabel("Till", { exact: true }).fill("Hässelby-Vällingby stadsdelsnämnd");
  await frida.getByLabel("Titel", { exact: true }).fill(`Remiss om fritidsgårdar ${suffix}`);
  await frida
    .getByRole("group", { name: "Beredande enheter" })
    .getByRole("checkbox", { name: unitName })
    .check();
  await frida.getByRole("button", { name: "Skapa tjänsteutlåtande" }).click();
  const statement = new StatementPage(frida);
  await expect(statement.connection).toBeVisible();
  const yttrande = statement.text("forvaltningens-yttrande");
  await yttrande.click();
  await frida.keyboard.type("Fritidsenheten tillstyrker förslaget.");
  await expect(yttrande).toContainText("Fritidsenheten tillstyrker förslaget.");
});

test("the admin area is for administratörer only: a 403 page with the header, and 403 from the API", async ({
  browser,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 403 .*\/admin\/users/);
  const page = await LoginPage.signIn(browser, "enhetschef.bou@demo.test");
  await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Ingen behörighet" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Beredning" })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const api = await page.request.get("/api/admin/users");
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: "Bara en administratör har tillgång till administrationen" });
});

test("the admin imports users from CSV: a bad row is shown and blocks the import, a good file is created", async ({
  browser,
}) => {
  const suffix = Date.now();
  const admin = await LoginPage.signIn(browser, "admin@demo.test");
  await admin.goto("/admin/users");
  const importer = admin.getByRole("region", { name: "Importera användare från CSV" });
  const header = "namn;e-post;titel;enhet;roll";
  const good = `Import Ett;import1.${suffix}@demo.test;Handläggare;Barn- och ungdomsenheten;handläggare`;
  const bad = `Import Två;import2.${suffix}@demo.test;;Okänd enhet;handläggare`;
  await importer.getByLabel("CSV-text").fill([header, good, bad].join("\n"));
  await importer.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(importer.getByRole("cell", { name: 'Enheten "Okänd enhet" finns inte.' })).toBeVisible();
  await expect(importer.getByRole("button", { name: "Importera" })).toBeDisabled();
  expect(await seriousAccessibilityViolations(admin)).toEqual([]);

  await importer
    .getByLabel("CSV-text")
    .fill([header, good, bad.replace("Okänd enhet", "Barn- och ungdomsenheten")].join("\n"));
  await importer.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(importer.getByRole("cell", { name: "OK" })).toHaveCount(2);
  await importer.getByRole("button", { name: "Importera" }).click();
  await expect(importer.getByText("2 användare har skapats.")).toBeVisible();
  await expect(
    admin.getByText(`Import Två (import2.${suffix}@demo.test) – bara identitetsleverantör`),
  ).toBeVisible();
});
