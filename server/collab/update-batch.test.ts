import { describe, expect, it } from "vitest";
import type { UpdateRow } from "../../db/queries/documents";
import { packUpdateBatch, UpdateBatchBuilder, unpackGroups } from "./update-batch";

/** The rows grouped by statement and author, groups in order of first appearance: what unpacking gives. */
function grouped(rows: readonly UpdateRow[]): UpdateRow[][] {
  const groups: UpdateRow[][] = [];
  for (const row of rows) {
    const group = groups.find(
      ([first]) => first?.statementId === row.statementId && first.authorId === row.authorId,
    );
    if (group) group.push(row);
    else groups.push([row]);
  }
  return groups;
}

const A = "statement-a";
const B = "statement-b";

/** Rows whose updates are views into one larger buffer, as relayed keystrokes are. */
function rowsInOneBuffer(): UpdateRow[] {
  const socketBuffer = new Uint8Array(4096).map((_, index) => index % 251);
  return [
    { statementId: A, authorId: "ada", update: socketBuffer.subarray(10, 13) },
    { statementId: B, authorId: "ada", update: socketBuffer.subarray(100, 101) },
    { statementId: A, authorId: null, update: socketBuffer.subarray(0, 0) },
    { statementId: A, authorId: "ada", update: socketBuffer.subarray(2000, 2004) },
  ];
}

describe("a packed update batch", () => {
  it("holds the rows grouped by statement and author, in order, each update a compact copy", () => {
    const rows = rowsInOneBuffer();
    const groups = unpackGroups(structuredClone(packUpdateBatch(rows)));

    expect(groups).toEqual(grouped(rows));
    expect(groups.map((group) => group.map((row) => [row.statementId, row.authorId]))).toEqual([
      [
        [A, "ada"],
        [A, "ada"],
      ],
      [[B, "ada"]],
      [[A, null]],
    ]);
    for (const row of groups.flat()) expect(row.update.buffer.byteLength).toBe(row.update.byteLength);
  });

  it("copies only the rows' bytes, into buffers of their exact size", () => {
    const batch = packUpdateBatch(rowsInOneBuffer());
    expect(batch.bytes.buffer.byteLength).toBe(3 + 1 + 0 + 4);
    expect(batch.sourceOfRow.buffer.byteLength).toBe(4 * 4);
    expect(batch.endOfRow.buffer.byteLength).toBe(4 * 4);
  });

  it("is built as rows arrive: each copied at once, past the first buffers' sizes, and taken whole", () => {
    const builder = new UpdateBatchBuilder();
    const socketBuffer = new Uint8Array(64);
    const rows: UpdateRow[] = [];
    // More rows and bytes than the builder's first buffers hold (1024 rows, 64 KiB).
    for (let index = 0; index < 3000; index++) {
      socketBuffer.fill(index % 256);
      const statementId = index % 3 === 0 ? A : B;
      const authorId = index % 2 === 0 ? "ada" : null;
      builder.append(statementId, authorId, socketBuffer.subarray(0, 40));
      rows.push({ statementId, authorId, update: socketBuffer.slice(0, 40) });
    }
    expect(builder.rowCount).toBe(3000);
    const batch = builder.take();
    // The socket buffer was overwritten after every append: the batch holds each row as it came.
    expect(unpackGroups(batch)).toEqual(grouped(rows));
    expect(builder.rowCount).toBe(0);

    builder.append(B, null, new Uint8Array([7]));
    expect(unpackGroups(builder.take())).toEqual([
      [{ statementId: B, authorId: null, update: new Uint8Array([7]) }],
    ]);
  });

  it("packs an empty batch", () => {
    expect(unpackGroups(packUpdateBatch([]))).toEqual([]);
  });
});
