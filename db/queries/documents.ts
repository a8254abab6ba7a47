import { and, asc, eq, gt, lte, max } from "drizzle-orm";
import type { Database } from "../client";
import { documentSnapshots, documentUpdates } from "../schema";

export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
}

/**
 * Snapshot and later updates, read in one repeatable-read transaction: a compaction committing
 * between the two reads would otherwise hide the updates it folded into the newer snapshot.
 */
export async function loadStoredDocument(db: Database, statementId: string): Promise<StoredDocument> {
  return db.transaction(
    async (tx) => {
      const [snapshot] = await tx
        .select({ snapshot: documentSnapshots.snapshot, lastUpdateId: documentSnapshots.lastUpdateId })
        .from(documentSnapshots)
        .where(eq(documentSnapshots.statementId, statementId));
      const rows = await tx
        .select({ update: documentUpdates.update })
        .from(documentUpdates)
        .where(
          and(
            eq(documentUpdates.statementId, statementId),
            gt(documentUpdates.id, snapshot?.lastUpdateId ?? 0),
          ),
        )
        .orderBy(asc(documentUpdates.id));
      return { snapshot: snapshot?.snapshot ?? null, updates: rows.map((row) => row.update) };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export interface UpdateRow {
  statementId: string;
  authorId: string | null;
  update: Uint8Array;
}

/** One multi-row INSERT: the group commit of everything the collaboration server batched. */
export async function appendUpdates(db: Database, rows: UpdateRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(documentUpdates).values(rows);
}

export async function latestUpdateId(db: Database, statementId: string): Promise<number> {
  const [row] = await db
    .select({ id: max(documentUpdates.id) })
    .from(documentUpdates)
    .where(eq(documentUpdates.statementId, statementId));
  return Number(row?.id ?? 0);
}

/**
 * Replaces the log up to `upToUpdateId` with a snapshot, atomically. The caller must take the
 * snapshot after reading `upToUpdateId`, so every update it removes is contained in the snapshot.
 */
export async function compactDocument(
  db: Database,
  statementId: string,
  snapshot: Uint8Array,
  upToUpdateId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(documentSnapshots)
      .values({ statementId, snapshot, lastUpdateId: upToUpdateId })
      .onConflictDoUpdate({
        target: documentSnapshots.statementId,
        set: { snapshot, lastUpdateId: upToUpdateId, updatedAt: new Date() },
      });
    await tx
      .delete(documentUpdates)
      .where(and(eq(documentUpdates.statementId, statementId), lte(documentUpdates.id, upToUpdateId)));
  });
}
