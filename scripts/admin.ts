/*
 * `npm run admin -- create-admin --email … --name … [--organisation …]`: creates an administratör
 * on the configured database (DATABASE_URL, or DATA_DIR's embedded one), migrating it first. The
 * password is ADMIN_PASSWORD or, without it, a generated one printed once.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { silentLogger } from "../server/collab/logger";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/database";
import { createAdministrator } from "../workflow/first-admin";

const USAGE =
  "Användning: npm run admin -- create-admin --email <e-post> --name <namn> [--organisation <namn>]";

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, organisation: { type: "string" } },
  });
  if (positionals[0] !== "create-admin" || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const generated = !process.env.ADMIN_PASSWORD;
  const password = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  const database = await openDatabase({ ...loadConfig({ ...process.env, SEED_DEMO: "0" }) }, silentLogger);
  try {
    const result = await createAdministrator(database.db, { ...values, password });
    if (!result.ok) {
      console.error(result.error);
      return 1;
    }
    console.log(`Administratören ${values.email} är skapad.`);
    if (generated) console.log(`Lösenord (visas bara nu): ${password}`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
