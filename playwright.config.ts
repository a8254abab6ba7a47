import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/*
 * The app runs once for the whole suite from the production build (`npm run build` first), on a
 * free loopback port, with a fresh embedded database in a temp folder. Playwright evaluates this
 * file in every worker, so the port and folder are chosen once and handed down through env.
 */
function freePort(): string {
  return execFileSync(process.execPath, [
    path.join(import.meta.dirname, "scripts", "free-port.mjs"),
  ]).toString();
}
process.env.E2E_PORT ??= freePort();
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "beredning-e2e-"));
/*
 * With a PostgreSQL server at hand (npm test runs e2e inside scripts/with-postgres.sh), a second
 * app runs on it, and the HTTP API specs run against both databases.
 */
const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) process.env.E2E_POSTGRES_PORT ??= freePort();
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
const postgresBaseURL = `http://127.0.0.1:${process.env.E2E_POSTGRES_PORT}`;

function appServer(port: string | undefined, env: Record<string, string>) {
  return {
    command: "node --expose-gc --import tsx server/main.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
    env: { PORT: port ?? "", HOST: "127.0.0.1", NODE_ENV: "production", SEED_DEMO: "1", ...env },
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "pglite", use: { baseURL } },
    ...(postgresUrl
      ? [{ name: "postgres", testMatch: /-api\.spec\.ts$/, use: { baseURL: postgresBaseURL } }]
      : []),
  ],
  webServer: [
    appServer(process.env.E2E_PORT, { DATA_DIR: process.env.E2E_DATA_DIR ?? "" }),
    ...(postgresUrl
      ? [
          appServer(process.env.E2E_POSTGRES_PORT, {
            DATABASE_URL: postgresUrl,
            DATA_DIR: path.join(process.env.E2E_DATA_DIR ?? "", "postgres-app"),
          }),
        ]
      : []),
  ],
});
