import { TransactionRollbackError } from "drizzle-orm";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { loadApprovalHashes } from "../../db/queries/approvals";
import { appendUpdates, type UpdateRow } from "../../db/queries/documents";
import { anyStatementId, loadStatementEditRules } from "../../db/queries/statements";
import { loadSessionUserAndStatement } from "../../db/queries/users";
import { loadDocument } from "./document-store";
import { mergeUpdatesInRounds } from "./merge-updates";

/*
 * What start-up prepares so that the first statement opened after a deploy is as quick as later
 * ones: the codec paths of opening a statement run on a small synthetic document, so the JIT has
 * optimised them (docs/decisions/0002).
 */
const EDITS = 1500;
const ROUNDS = 8;

let warmed = false;

/** Once per process (the JIT's state is per process); returns the milliseconds spent. */
export function warmUpYjs(): number {
  if (warmed) return 0;
  warmed = true;
  const started = performance.now();
  const source = new Y.Doc();
  const fragment = source.getXmlFragment("warm-up");
  const paragraph = new Y.XmlElement("paragraph");
  fragment.insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  for (let edit = 0; edit < EDITS; edit++) {
    // Inserts at moving positions and some deletions, so the history has many small items.
    text.insert((edit * 31) % (text.length + 1), "ab");
    if (edit % 4 === 3) text.delete((edit * 17) % text.length, 1);
  }
  text.format(0, 10, { bold: true });
  for (let round = 0; round < ROUNDS; round++) {
    Y.applyUpdateV2(new Y.Doc(), Y.encodeStateAsUpdateV2(source));
    Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(source));
  }
  source.destroy();
  return performance.now() - started;
}

/** A busy second's batch: each of this many authors typed this many keystrokes. */
const MERGE_AUTHORS = 100;
const MERGE_KEYSTROKES = 8;
const MERGE_ROUNDS = 4;

/**
 * Merges batches shaped like a busy second's, each author's keystrokes into one update: the work
 * of every update-log write. Run in the thread that writes (the JIT's state is per thread), so the
 * first writes under the burst of a morning's first typing do not run it unoptimised.
 */
export function warmUpMerging(): number {
  const started = performance.now();
  for (let round = 0; round < MERGE_ROUNDS; round++) {
    for (let author = 0; author < MERGE_AUTHORS; author++) {
      const doc = new Y.Doc();
      const keystrokes: Uint8Array[] = [];
      doc.on("update", (update: Uint8Array) => keystrokes.push(update));
      const typed = new Y.XmlText();
      doc.getXmlFragment("warm-up").insert(0, [typed]);
      for (let key = 0; key < MERGE_KEYSTROKES; key++) typed.insert(key, "a");
      mergeUpdatesInRounds(keystrokes);
      doc.destroy();
    }
  }
  return performance.now() - started;
}

/** An id no row has: the queries below find nothing, and only their paths get warm. */
const NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";
const DATABASE_ROUNDS = 5;

/**
 * Runs the reads of an upgrade and a room load once, on no data: a fresh database session (above
 * all PGlite's) loads its catalog caches and plans on first use, and the JIT compiles the builders.
 */
export async function warmUpDatabaseReads(db: Database): Promise<number> {
  const started = performance.now();
  // A few rounds: PGlite's WebAssembly is compiled to optimised code only for functions that run hot.
  for (let round = 0; round < DATABASE_ROUNDS; round++) {
    await loadSessionUserAndStatement(db, NO_SUCH_ID, NO_SUCH_ID);
    await Promise.all([
      loadStatementEditRules(db, NO_SUCH_ID),
      loadDocument(db, NO_SUCH_ID).then((doc) => doc.destroy()),
      loadApprovalHashes(db, NO_SUCH_ID),
    ]);
  }
  return performance.now() - started;
}

/** A busy second's group commit: a row per statement and author, each a few hundred bytes. */
const WARM_UP_ROWS = 100;
const WARM_UP_ROW_BYTES = 300;
const WRITE_ROUNDS = 8;

/**
 * Writes update-log batches the size of a busy second's, each in a transaction that is rolled
 * back, so nothing stays behind (an id sequence moves on; ids only order rows). Skipped on a
 * database with no statement yet, where no write is in a hurry.
 */
export async function warmUpDatabaseWrites(db: Database): Promise<number> {
  const started = performance.now();
  const statementId = await anyStatementId(db);
  if (!statementId) return 0;
  const rows: UpdateRow[] = Array.from({ length: WARM_UP_ROWS }, (_, index) => ({
    statementId,
    authorId: null,
    update: new Uint8Array(WARM_UP_ROW_BYTES).fill(index),
  }));
  for (let round = 0; round < WRITE_ROUNDS; round++) {
    await db
      .transaction(async (transaction) => {
        await appendUpdates(transaction, rows);
        transaction.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
  }
  return performance.now() - started;
}
