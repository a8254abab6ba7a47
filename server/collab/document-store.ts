import * as Y from "yjs";
import type { Database } from "../../db/client";
import {
  compactDocument,
  latestUpdateId,
  loadStoredDocument,
  type StoredDocument,
  type StoredSnapshot,
} from "../../db/queries/documents";
import type { UpdateLog } from "./update-log";

/** Rebuilds a statement's Y.Doc from its snapshot plus the updates logged after it. */
export async function loadDocument(db: Database, statementId: string): Promise<Y.Doc> {
  return rebuildDocument(await loadStoredDocument(db, statementId));
}

export function rebuildDocument(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) applySnapshot(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

function applySnapshot(doc: Y.Doc, { update, encoding }: StoredSnapshot): void {
  if (encoding === 2) Y.applyUpdateV2(doc, update);
  else Y.applyUpdate(doc, update);
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
  await compactDocument(db, statementId, { update: Y.encodeStateAsUpdateV2(doc), encoding: 2 }, upTo);
}
