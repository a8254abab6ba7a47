import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { seriousAccessibilityViolations } from "./helpers";

/* An app of its own on an empty embedded database with SEED_DEMO=0, from the same build. */
let app: ChildProcess;
let baseURL: string;
let dataDir: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

test.beforeAll(async () => {
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(os.tmpdir(), "beredning-first-run-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    SEED_DEMO: "0",
    DATA_DIR: dataDir,
  };
  // The embedded database, whatever the suite's PostgreSQL.
  delete env.DATABASE_URL;
  app = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { stdio: "ignore", env });
  await expect
    .poll(
      () =>
        fetch(`${baseURL}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 90_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  const exited = new Promise((resolve) => app.once("exit", resolve));
  app.kill("SIGTERM");
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
});

test("a fresh database leads to the first-run page, which creates the admin, who signs in", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kom igång med Beredning" })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.getByLabel("Organisationens namn").fill("Exempel stadsdelsförvaltning");
  await page.getByLabel("Ditt namn").fill("Kim Andersson");
  await page.getByLabel("E-postadress").fill("it@exempel.se");
  await page.getByLabel("Lösenord (minst 12 tecken)").fill("ett-langt-losenord");
  await page.getByRole("button", { name: "Skapa och gå till inloggningen" }).click();

  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("E-postadress").fill("it@exempel.se");
  await page.getByLabel("Lösenord").fill("ett-langt-losenord");
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Tjänsteutlåtanden" })).toBeVisible();
  await page.getByRole("link", { name: "Administration" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  // Once set up, the first-run page leads on (to the login, which sends a signed-in user to the list).
  await page.goto("/setup");
  await expect(page.getByRole("heading", { level: 1, name: "Tjänsteutlåtanden" })).toBeVisible();
});
