import { readFileSync } from "node:fs";
import { SEED_STATEMENT_FILE } from "../../db/seed/demo";
import type { StatementDocument } from "../../domain/content";
import { importPlainTextStatement } from "../../domain/import/plain-text-statement";

/** The seed statement as the plain-text import reads it. */
export function readSeedStatement(): StatementDocument {
  return importPlainTextStatement(readFileSync(SEED_STATEMENT_FILE, "utf8"));
}
