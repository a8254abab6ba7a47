import type { DatabaseConnection } from "../../db/client";
import { type RunningApp, startApp } from "../../server/app";
import { silentLogger } from "../../server/collab/logger";
import type { CollabExtensions } from "../../server/collab/server";
import { loadConfig } from "../../server/config";
import { TEST_AUTH_SECRET } from "./session";

/** The collaboration server in this process, on a free loopback port, over the given database. */
export async function startCollabServer(
  database: DatabaseConnection,
  overrides: Record<string, string> = {},
  extensions?: CollabExtensions,
): Promise<RunningApp & { wsUrl: string }> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    AUTH_SECRET: TEST_AUTH_SECRET,
    BEREDNING_PARTS: "collab",
    COLLAB_UNLOAD_GRACE_MS: "0",
    SEED_DEMO: "0",
    DATA_DIR: "/nonexistent-unused",
    ...overrides,
  });
  const app = await startApp(config, silentLogger, database, extensions);
  return Object.assign(app, { wsUrl: `ws://127.0.0.1:${app.port}/collab` });
}
