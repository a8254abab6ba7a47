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

/** What is stored of a document, and the id of the last update it includes (0: none). */
interface StoredDocumentAt extends StoredDocument {
  lastUpdateId: number;
}

async function readStoredDocument(db: Database, statementId: string): Promise<StoredDocumentAt> {
  const [snapshot] = await db
    .select({
      update: documentSnapshots.snapshot,
      encoding: documentSnapshots.encoding,
      lastUpdateId: documentSnapshots.lastUpdateId,
    })
    .from(documentSnapshots)
    .where(eq(documentSnapshots.statementId, statementId));
  const rows = await db
    .select({ id: documentUpdates.id, update: documentUpdates.update })
    .from(documentUpdates)
    .where(
      and(eq(documentUpdates.statementId, statementId), gt(documentUpdates.id, snapshot?.lastUpdateId ?? 0)),
    )
    .orderBy(asc(documentUpdates.id));
  return {
    snapshot: snapshot ? { update: snapshot.update, encoding: snapshot.encoding === 2 ? 2 : 1 } : null,
    updates: rows.map((row) => row.update),
    lastUpdateId: Number(rows.at(-1)?.id ?? snapshot?.lastUpdateId ?? 0),
  };
}

/**
 * Snapshot and later updates, read in one repeatable-read transaction: a compaction committing
 * between the two reads would otherwise hide the updates it folded into the newer snapshot.
 */
export async function loadStoredDocument(db: Database, statementId: string): Promise<StoredDocument> {
  return db.transaction(
    async (tx) => {
      const { snapshot, updates } = await readStoredDocument(tx, statementId);
      return { snapshot, updates };
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

/**
 * Replaces the whole log with the snapshot `fold` makes of the stored state, in one transaction
 * that holds off update log writes meanwhile (a SHARE lock waits for the inserts in flight). With
 * several nodes, another node's insert may be in flight: its update, committed after the log
 * position was read but with a lower id, would otherwise be deleted unread, or skipped by loads.
 */
export async function compactStoredDocument(
  db: Database,
  statementId: string,
  /** The new snapshot, or null when it would hold nothing the stored state does not. */
  fold: (stored: StoredDocument) => StoredSnapshot | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${documentUpdates} in share mode`);
    const stored = await readStoredDocument(tx, statementId);
    const folded = fold(stored);
    if (!folded) return;
    const snapshot = { ...folded, lastUpdateId: stored.lastUpdateId };
    await tx
      .insert(documentSnapshots)
      .values({
        statementId,
        snapshot: snapshot.update,
        encoding: snapshot.encoding,
        lastUpdateId: snapshot.lastUpdateId,
      })
      .onConflictDoUpdate({
        target: documentSnapshots.statementId,
        set: {
          snapshot: snapshot.update,
          encoding: snapshot.encoding,
          lastUpdateId: snapshot.lastUpdateId,
          updatedAt: new Date(),
        },
      });
    await tx
      .delete(documentUpdates)
      .where(and(eq(documentUpdates.statementId, statementId), lte(documentUpdates.id, stored.lastUpdateId)));
  });
}
