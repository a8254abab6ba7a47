import { expect, test } from "./fixtures";
import { seriousAccessibilityViolations } from "./helpers";
import { DEMO_PASSWORD, LoginPage } from "./pages/login-page";

test("the admin maps an identity-provider group to a role and removes the mapping again", async ({
  browser,
  consoleGuard,
}) => {
  // The repeated mapping is refused with 409 on purpose.
  consoleGuard.allow(/status of 409 .*\/api\/admin\/oidc-mappings/);
  const group = `bou-handlaggare-${Date.now()}`;
  const admin = await LoginPage.signIn(browser, "admin@demo.test");
  await admin.goto("/admin");
  await admin
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Inloggning" })
    .click();
  await expect(admin.getByRole("heading", { level: 1, name: "Inloggning och grupper" })).toBeVisible();

  const form = admin.getByRole("region", { name: "Ny koppling" });
  await form.getByLabel("Grupp i identitetsleverantören").fill(group);
  await form.getByLabel("Roll").selectOption({ label: "Handläggare" });
  await form.getByLabel("Enhet").selectOption({ label: "Barn- och ungdomsenheten" });
  await form.getByRole("button", { name: "Lägg till koppling" }).click();
  const row = admin.getByRole("row").filter({ hasText: group });
  await expect(row).toContainText("Handläggare, Barn- och ungdomsenheten");
  await expect(form.getByLabel("Grupp i identitetsleverantören")).toHaveValue("");
  expect(await seriousAccessibilityViolations(admin)).toEqual([]);

  await form.getByLabel("Grupp i identitetsleverantören").fill(group);
  await form.getByRole("button", { name: "Lägg till koppling" }).click();
  await expect(form.getByRole("alert")).toHaveText("Gruppen har redan den rollen");

  await row
    .getByRole("button", { name: `Ta bort kopplingen ${group} till Handläggare, Barn- och ungdomsenheten` })
    .click();
  await expect(row).toHaveCount(0);
  await admin.goto("/admin");
  await expect(admin.getByRole("cell", { name: "Gruppkoppling borttagen" }).first()).toBeVisible();
});

test("an account without any role sees whom to ask for access, and reaches nothing else", async ({
  browser,
}) => {
  const email = `utan.roll.${Date.now()}@demo.test`;
  const admin = await LoginPage.signIn(browser, "admin@demo.test");
  const created = await admin.request.post("/api/admin/users", {
    data: { name: "Utan Roll", email, password: DEMO_PASSWORD },
  });
  expect(created.status()).toBe(201);

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto("/login");
  await newcomer.getByLabel("E-postadress").fill(email);
  await newcomer.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await newcomer.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(newcomer).toHaveURL(/\/ingen-behorighet$/);
  await expect(
    newcomer.getByRole("heading", { level: 1, name: "Du har ingen behörighet i Beredning ännu" }),
  ).toBeVisible();
  await expect(newcomer.getByRole("link", { name: "admin@demo.test" })).toHaveAttribute(
    "href",
    "mailto:admin@demo.test",
  );
  expect(await seriousAccessibilityViolations(newcomer)).toEqual([]);
  await newcomer.goto("/statements/new");
  await expect(newcomer).toHaveURL(/\/ingen-behorighet$/);
});
