import path from "node:path";
import { connectDatabase, type DatabaseConnection, migrateDatabase } from "../db/client";
import { isDatabaseEmpty, seedDemoData } from "../seed/demo";
import type { Logger } from "./collab/logger";
import type { ServerConfig } from "./config";

/** Opens the configured database, applies migrations, and seeds demo data into an empty one. */
export async function openDatabase(config: ServerConfig, logger: Logger): Promise<DatabaseConnection> {
  const connection = await connectDatabase(
    config.databaseUrl
      ? { kind: "postgres", url: config.databaseUrl }
      : { kind: "pglite", dataDir: path.join(config.dataDir, "pglite") },
  );
  try {
    await migrateDatabase(connection);
    if (config.seedDemo && (await isDatabaseEmpty(connection.db))) {
      const statementId = await seedDemoData(connection.db);
      logger.info("demo data seeded", { statementId });
    }
    return connection;
  } catch (error) {
    await connection.close();
    throw error;
  }
}
