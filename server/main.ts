import { startApp } from "./app";
import { consoleLogger } from "./collab/logger";
import { ConfigError, loadConfig } from "./config";
import { installShutdown } from "./shutdown";

/** The process entry: `npm start` (production build) and `npm run dev`. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Installed before the start finishes: a SIGTERM while starting closes the app once it has started.
  const starting = startApp(config, consoleLogger);
  installShutdown({
    close: async () => (await starting).close(),
    logger: consoleLogger,
    timeoutMs: config.shutdownTimeoutMs,
  });
  const app = await starting;
  consoleLogger.info("Beredning is listening", {
    url: process.env.NEXTAUTH_URL,
    db: app.database.kind,
    parts: config.parts,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
