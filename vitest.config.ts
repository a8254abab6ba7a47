import { defineConfig } from "vitest/config";

const integration = (database: "pglite" | "postgres") => ({
  test: {
    name: `integration:${database}`,
    include: ["tests/integration/**/*.test.ts"],
    env: { TEST_DB: database },
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    pool: "forks",
    projects: [
      {
        // The "@/" paths of tsconfig.json, for tests that load app/ modules.
        resolve: { alias: { "@/": new URL("./", import.meta.url).pathname } },
        test: {
          name: "unit",
          include: ["{domain,editor,auth,server,db,document,contracts,workflow}/**/*.test.ts"],
        },
      },
      integration("pglite"),
      integration("postgres"),
      {
        // The quick bench pass: integrity only, no timing (bench/README.md). It starts many processes,
        // so it runs after the other projects instead of competing with them for the cores.
        test: {
          name: "bench",
          include: ["bench/**/*.test.ts"],
          testTimeout: 900_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
