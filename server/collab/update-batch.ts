import type { UpdateRow } from "../../db/queries/documents";
import { mergeUpdatesInRounds } from "./merge-updates";

/**
 * A batch of update-log rows as flat arrays: a few objects and buffers however many rows it holds.
 * The update log keeps what waits to be written in this form (see UpdateBatchBuilder), and a batch
 * crosses to the writer thread as a copy of just these buffers.
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

const INITIAL_ROWS = 1024;
const INITIAL_BYTES = 64 * 1024;

/**
 * Packs rows as they arrive. A keystroke waits up to a second for its write; copied into these
 * buffers at once, none of its objects lives long enough to be promoted (docs/decisions/0004).
 */
export class UpdateBatchBuilder {
  private sources: PackedUpdateBatch["sources"] = [];
  /** Statement → author ("" for none) → index in `sources`. */
  private sourceIndex = new Map<string, Map<string, number>>();
  private sourceOfRow = new Uint32Array(INITIAL_ROWS);
  private endOfRow = new Uint32Array(INITIAL_ROWS);
  private bytes = new Uint8Array(INITIAL_BYTES);
  private rows = 0;
  private length = 0;

  get rowCount(): number {
    return this.rows;
  }

  append(statementId: string, authorId: string | null, update: Uint8Array): void {
    if (this.rows === this.sourceOfRow.length) {
      this.sourceOfRow = grown(this.sourceOfRow, this.rows * 2);
      this.endOfRow = grown(this.endOfRow, this.rows * 2);
    }
    const length = this.length + update.byteLength;
    if (length > this.bytes.length) this.bytes = grown(this.bytes, Math.max(length, this.bytes.length * 2));
    this.bytes.set(update, this.length);
    this.sourceOfRow[this.rows] = this.sourceFor(statementId, authorId);
    this.endOfRow[this.rows] = length;
    this.rows++;
    this.length = length;
  }

  /** The rows appended so far, in buffers of their exact size; the builder starts empty again. */
  take(): PackedUpdateBatch {
    const batch: PackedUpdateBatch = {
      sources: this.sources,
      sourceOfRow: this.sourceOfRow.slice(0, this.rows),
      endOfRow: this.endOfRow.slice(0, this.rows),
      bytes: this.bytes.slice(0, this.length),
    };
    this.sources = [];
    this.sourceIndex = new Map();
    this.rows = 0;
    this.length = 0;
    return batch;
  }

  private sourceFor(statementId: string, authorId: string | null): number {
    let byAuthor = this.sourceIndex.get(statementId);
    if (!byAuthor) {
      byAuthor = new Map();
      this.sourceIndex.set(statementId, byAuthor);
    }
    let index = byAuthor.get(authorId ?? "");
    if (index === undefined) {
      index = this.sources.length;
      byAuthor.set(authorId ?? "", index);
      this.sources.push({ statementId, authorId });
    }
    return index;
  }
}

function grown<T extends Uint8Array | Uint32Array>(array: T, size: number): T {
  const larger = new (array.constructor as new (size: number) => T)(size);
  larger.set(array);
  return larger;
}

export function packUpdateBatch(rows: readonly UpdateRow[]): PackedUpdateBatch {
  const builder = new UpdateBatchBuilder();
  for (const row of rows) builder.append(row.statementId, row.authorId, row.update);
  return builder.take();
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

/** One row for a group of one statement and author: their updates merged. */
export function mergeGroup(rows: readonly UpdateRow[]): UpdateRow {
  const first = rows[0];
  if (!first) throw new Error("mergeGroup needs at least one row");
  return rows.length === 1
    ? first
    : { ...first, update: mergeUpdatesInRounds(rows.map((row) => row.update)) };
}
