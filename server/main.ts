import { startApp } from "./app";
import { consoleLogger } from "./collab/logger";
import { ConfigError, loadConfig } from "./config";

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
  const app = await startApp(config, consoleLogger);
  consoleLogger.info("Beredning is listening", {
    url: process.env.NEXTAUTH_URL,
    db: app.database.kind,
    parts: config.parts,
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info("shutting down", { signal });
    const forced = setTimeout(() => {
      consoleLogger.error("shutdown timed out");
      process.exit(1);
    }, 15000);
    app.close().then(
      () => {
        clearTimeout(forced);
        process.exit(0);
      },
      (error: unknown) => {
        consoleLogger.error("shutdown failed", { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
