import { describe, expect, it } from "vitest";
import type { UpdateRow } from "../../db/queries/documents";
import { groupByStatementAndAuthor, packUpdateBatch, transferListOf, unpackGroups } from "./update-batch";

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

    expect(groups).toEqual(groupByStatementAndAuthor(rows));
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

  it("copies only the rows' bytes, and transfers them whole", () => {
    const batch = packUpdateBatch(rowsInOneBuffer());
    expect(batch.bytes.byteLength).toBe(3 + 1 + 0 + 4);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(batch, transferListOf(batch));
    port1.close();
    port2.close();
    expect(batch.bytes.byteLength).toBe(0);
  });

  it("packs an empty batch", () => {
    expect(unpackGroups(packUpdateBatch([]))).toEqual([]);
  });
});
