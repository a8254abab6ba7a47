import { readFileSync } from "node:fs";
import type { StatementDocument } from "../../domain/content";
import { importPlainTextStatement } from "../../domain/import/plain-text-statement";
import { SEED_STATEMENT_FILE } from "../../seed/demo";

/** The seed statement as the plain-text import reads it. */
export function readSeedStatement(): StatementDocument {
  return importPlainTextStatement(readFileSync(SEED_STATEMENT_FILE, "utf8"));
}
