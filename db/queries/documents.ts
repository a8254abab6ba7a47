import { and, asc, eq, gt, lte, max, sql } from "drizzle-orm";
import type { Database } from "../client";
import { documentSnapshots, documentUpdates } from "../schema";

/** A compacted document: a Yjs update in the format `encoding` names. */
export interface StoredSnapshot {
  update: Uint8Array;
  encoding: 1 | 2;
}

export interface StoredDocument {
  snapshot: StoredSnapshot | null;
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
        .select({
          update: documentSnapshots.snapshot,
          encoding: documentSnapshots.encoding,
          lastUpdateId: documentSnapshots.lastUpdateId,
        })
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
      return {
        snapshot: snapshot ? { update: snapshot.update, encoding: snapshot.encoding === 2 ? 2 : 1 } : null,
        updates: rows.map((row) => row.update),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export interface UpdateRow {
  statementId: string;
  authorId: string | null;
  update: Uint8Array;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/**
 * One INSERT for the group commit of everything the collaboration server batched, its rows passed
 * as three array parameters (unnested in order, so ids follow the batch): three parameters in all,
 * instead of a VALUES list of three per row.
 */
export async function appendUpdates(db: Database, rows: UpdateRow[]): Promise<void> {
  if (rows.length === 0) return;
  const statementIds = sql.param(rows.map((row) => row.statementId));
  const authorIds = sql.param(rows.map((row) => row.authorId));
  // Hex text, decoded by the database: both drivers send a string array as text[].
  const updates = sql.param(rows.map((row) => hex(row.update)));
  await db.execute(
    sql`insert into ${documentUpdates} (${sql.identifier("statement_id")}, ${sql.identifier("author_id")}, ${sql.identifier("update")})
      select statement_id, author_id, decode(update_hex, 'hex')
      from unnest(${statementIds}::uuid[], ${authorIds}::uuid[], ${updates}::text[])
        with ordinality as batch(statement_id, author_id, update_hex, position)
      order by position`,
  );
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
  { update, encoding }: StoredSnapshot,
  upToUpdateId: number,
): Promise<void> {
  const stored = { snapshot: update, encoding, lastUpdateId: upToUpdateId };
  await db.transaction(async (tx) => {
    await tx
      .insert(documentSnapshots)
      .values({ statementId, ...stored })
      .onConflictDoUpdate({
        target: documentSnapshots.statementId,
        set: { ...stored, updatedAt: new Date() },
      });
    await tx
      .delete(documentUpdates)
      .where(and(eq(documentUpdates.statementId, statementId), lte(documentUpdates.id, upToUpdateId)));
  });
}
