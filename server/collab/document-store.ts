import * as Y from "yjs";
import type { Database } from "../../db/client";
import { compactDocument, latestUpdateId, loadStoredDocument } from "../../db/queries/documents";
import type { UpdateLog } from "./update-log";

/** Rebuilds a statement's Y.Doc from its snapshot plus the updates logged after it. */
export async function loadDocument(db: Database, statementId: string): Promise<Y.Doc> {
  const stored = await loadStoredDocument(db, statementId);
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/**
 * Folds the update log into a snapshot. The log position is read before the state is encoded:
 * every logged update was applied to `doc` before it was queued, so the snapshot contains all
 * updates it replaces, even while typing continues.
 */
export async function compactLoadedDocument(
  db: Database,
  updateLog: UpdateLog,
  statementId: string,
  doc: Y.Doc,
): Promise<void> {
  await updateLog.flush();
  const upTo = await latestUpdateId(db, statementId);
  await compactDocument(db, statementId, Y.encodeStateAsUpdate(doc), upTo);
}
