import * as Y from "yjs";
import type { Database } from "../../db/client";
import {
  compactDocument,
  compactStoredDocument,
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

/**
 * The stored state as one V1 update, the format a sync step 2 carries, or null when logged updates
 * follow the snapshot (after a crash): merging them in would cost about what answering early saves.
 */
export function storedFullState(stored: StoredDocument): Uint8Array | null {
  if (!stored.snapshot || stored.updates.length > 0) return null;
  const { update, encoding } = stored.snapshot;
  return encoding === 2 ? Y.convertUpdateFormatV2ToV1(update) : update;
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
  // V1, the format a sync step 2 carries: a client opening the statement cold is sent these bytes
  // as they are (see StoredStateHandoff; docs/decisions/0006 on V2).
  await compactDocument(db, statementId, { update: Y.encodeStateAsUpdate(doc), encoding: 1 }, upTo);
}

/**
 * Folds the stored state and `doc` into a snapshot, for a node of several: its document may lag
 * behind an update another node has logged, or hold one relayed from a node that died before
 * logging it; the snapshot holds both. Nothing is written when `doc` adds nothing to the stored
 * state. The caller flushes its own update log first.
 */
export async function compactWithStoredState(db: Database, statementId: string, doc: Y.Doc): Promise<void> {
  await compactStoredDocument(db, statementId, (stored) => {
    const merged = rebuildDocument(stored);
    try {
      const before = Y.encodeStateAsUpdate(merged);
      Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc));
      const after = Y.encodeStateAsUpdate(merged);
      if (stored.updates.length === 0 && Buffer.from(before).equals(after)) return null;
      return { update: after, encoding: 1 };
    } finally {
      merged.destroy();
    }
  });
}
