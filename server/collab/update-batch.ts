import type { UpdateRow } from "../../db/queries/documents";
import { mergeUpdatesInRounds } from "./merge-updates";

/**
 * A batch of update-log rows as flat arrays, so that it crosses to the writer thread by transfer
 * rather than by cloning. Cloning a row's update would copy the whole buffer it is a view of: a
 * relayed keystroke is a view of the socket's read buffer, many kilobytes for a few bytes.
 */
export interface PackedUpdateBatch {
  /** Each distinct statement and author of the batch, in order of first appearance. */
  sources: { statementId: string; authorId: string | null }[];
  /** Per row, its index in `sources`. */
  sourceOfRow: Uint32Array;
  /** Per row, where its update ends in `bytes` (it starts where the previous row's ends). */
  endOfRow: Uint32Array;
  bytes: Uint8Array;
}

export function packUpdateBatch(rows: readonly UpdateRow[]): PackedUpdateBatch {
  const sources: PackedUpdateBatch["sources"] = [];
  const sourceIndex = new Map<string, number>();
  const sourceOfRow = new Uint32Array(rows.length);
  const endOfRow = new Uint32Array(rows.length);
  let length = 0;
  rows.forEach((row, index) => {
    const key = sourceKey(row);
    let source = sourceIndex.get(key);
    if (source === undefined) {
      source = sources.length;
      sourceIndex.set(key, source);
      sources.push({ statementId: row.statementId, authorId: row.authorId });
    }
    sourceOfRow[index] = source;
    length += row.update.byteLength;
    endOfRow[index] = length;
  });
  const bytes = new Uint8Array(length);
  rows.forEach((row, index) => {
    bytes.set(row.update, (endOfRow[index] as number) - row.update.byteLength);
  });
  return { sources, sourceOfRow, endOfRow, bytes };
}

/** The buffers to transfer with a packed batch; the batch is unusable in the sending thread after. */
export function transferListOf(batch: PackedUpdateBatch): ArrayBuffer[] {
  return [batch.sourceOfRow.buffer, batch.endOfRow.buffer, batch.bytes.buffer] as ArrayBuffer[];
}

/**
 * The batch's rows grouped by statement and author, groups in order of first appearance and rows
 * in their order. Each update is a copy of its own: a view into the batch would carry the whole
 * batch along wherever a row is cloned (to the PGlite thread).
 */
export function unpackGroups(batch: PackedUpdateBatch): UpdateRow[][] {
  const groups: UpdateRow[][] = batch.sources.map(() => []);
  let start = 0;
  batch.endOfRow.forEach((end, index) => {
    const source = batch.sources[batch.sourceOfRow[index] as number];
    if (!source) throw new Error(`Update batch row ${index} names no source`);
    groups[batch.sourceOfRow[index] as number]?.push({ ...source, update: batch.bytes.slice(start, end) });
    start = end;
  });
  return groups;
}

export function groupByStatementAndAuthor(rows: readonly UpdateRow[]): UpdateRow[][] {
  const groups = new Map<string, UpdateRow[]>();
  for (const row of rows) {
    const key = sourceKey(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

/** One row for a group of one statement and author: their updates merged. */
export function mergeGroup(rows: readonly UpdateRow[]): UpdateRow {
  const first = rows[0];
  if (!first) throw new Error("mergeGroup needs at least one row");
  return rows.length === 1
    ? first
    : { ...first, update: mergeUpdatesInRounds(rows.map((row) => row.update)) };
}

function sourceKey(row: UpdateRow): string {
  return `${row.statementId}\u0000${row.authorId ?? ""}`;
}
