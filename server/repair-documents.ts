import { statements } from "../db/schema";
import { consoleLogger } from "./collab/logger";
import { repairedAnything, repairStoredStatement } from "./collab/repair";
import { loadConfig } from "./config";
import { openDatabase } from "./database";

/**
 * `npm run repair:documents [statementId…]`: repairs the stored collaboration state of the given
 * statements (all, when none is given) and logs what it removed. Run it with the server stopped.
 */
async function main() {
  const config = loadConfig(process.env);
  const connection = await openDatabase({ ...config, seedDemo: false }, consoleLogger);
  try {
    const given = process.argv.slice(2);
    const ids =
      given.length > 0
        ? given
        : (await connection.db.select({ id: statements.id }).from(statements)).map((row) => row.id);
    for (const statementId of ids) {
      const report = await repairStoredStatement(connection.db, statementId);
      if (repairedAnything(report)) consoleLogger.warn("statement repaired", { statementId, ...report });
      else consoleLogger.info("statement intact", { statementId });
    }
  } finally {
    await connection.close();
  }
}

await main();
