import * as Y from "yjs";
import type { Database } from "../../db/client";
import {
  compactStoredDocument,
  loadStoredDocument,
  type StoredDocument,
  type StoredSnapshot,
} from "../../db/queries/documents";

export type { StoredDocument } from "../../db/queries/documents";

/**
 * Where statements' Yjs documents live between loads: a snapshot plus the updates logged after it.
 * The room registry reads each document through it and every room logs its applied updates to it;
 * compaction (compaction.ts) folds the log into a snapshot. The PostgreSQL/PGlite store is
 * DatabaseDocumentStore; another (a shared one for several processes) plugs in here.
 */
export interface DocumentStore {
  /** The statement's stored state, read consistently: no compaction may hide updates between reads. */
  load(statementId: string): Promise<StoredDocument>;
  /**
   * Logs an update applied to the statement's loaded document, by `authorId` (null: the server).
   * Returns at once; the update is durable once a later `flush` resolves.
   */
  append(statementId: string, authorId: string | null, update: Uint8Array): void;
  /** Resolves once everything appended before the call is durable. */
  flush(): Promise<void>;
  /**
   * Replaces the statement's logged updates with a snapshot of `doc`, which holds every update
   * appended for it so far (appends may continue meanwhile; later ones stay in the log).
   */
  compact(statementId: string, doc: Y.Doc): Promise<void>;
}

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
