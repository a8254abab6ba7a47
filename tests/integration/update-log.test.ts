import type { Worker } from "node:worker_threads";
import { and, asc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendUpdates, latestUpdateId } from "../../db/queries/documents";
import { documentUpdates, users } from "../../db/schema";
import { loadDocument } from "../../server/collab/document-store";
import { packUpdateBatch } from "../../server/collab/update-batch";
import { UpdateLog } from "../../server/collab/update-log";
import { openUpdateLogWriter, type UpdateLogWriter } from "../../server/collab/update-log-writer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { keystrokeUpdates } from "../support/keystrokes";

/** A log whose writes only its flushes start (the interval is far longer than a test), and its errors. */
function flushOnlyLog(writer: UpdateLogWriter): { log: UpdateLog; errors: unknown[] } {
  const errors: unknown[] = [];
  const log = new UpdateLog(writer, {
    flushDelayMs: 60_000,
    writeIntervalMs: 60_000,
    onError: (error) => errors.push(error),
  });
  return { log, errors };
}

describe("the update log", () => {
  let database: TestDatabase;
  let writer: UpdateLogWriter;
  let authors: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    writer = openUpdateLogWriter(database.connection);
    authors = (await database.connection.db.select({ id: users.id }).from(users).limit(2)).map(
      (user) => user.id,
    );
  });
  afterAll(async () => {
    await writer.close();
    await database.drop();
  });

  it("writes everything appended before a flush, one row per statement and author, losing nothing", async () => {
    const { db } = database.connection;
    const statementId = database.seedStatementId;
    const before = await loadDocument(db, statementId);
    const { log } = flushOnlyLog(writer);
    const updates = keystrokeUpdates(2, 301, "update-log-test");
    updates.forEach((update, index) => {
      log.append(statementId, authors[index % 2] ?? null, update);
    });
    await log.flush();

    const rows = await db.select().from(documentUpdates).where(eq(documentUpdates.statementId, statementId));
    expect(rows.map((row) => row.authorId).sort()).toEqual([...authors].sort());
    const after = await loadDocument(db, statementId);
    const expected = new Y.Doc();
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(before));
    for (const update of updates) Y.applyUpdate(expected, update);
    expect(after.getText("update-log-test").toString()).toBe(expected.getText("update-log-test").toString());
    expect(after.getText("update-log-test").length).toBe(301);
  });

  it("answers a batch it cannot merge as a failed write, and goes on writing", async () => {
    const { db } = database.connection;
    const statementId = database.seedStatementId;
    const notYjs = new Uint8Array([255, 255, 255, 255]);
    const rowsBefore = await db.$count(documentUpdates);
    const unmergeable = [1, 2].map(() => ({ statementId, authorId: null, update: notYjs }));
    // A writer thread (private to the writer, so the test reaches in) must answer, not die.
    const threadOf = () => (writer as unknown as { running: { worker: Worker } | null }).running?.worker;
    const thread = threadOf();
    expect(thread).toBeDefined();
    const failure = await writer.write(packUpdateBatch(unmergeable)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(threadOf()).toBe(thread);
    const [good] = keystrokeUpdates(1, 1, "after-unmergeable");
    await writer.write(packUpdateBatch([{ statementId, authorId: null, update: good as Uint8Array }]));
    expect(await db.$count(documentUpdates)).toBe(rowsBefore + 1);
  });

  it("refuses a database it cannot share with its thread", () => {
    expect(() => openUpdateLogWriter({ ...database.connection, share: () => null })).toThrow(/share/);
  });

  it("warms up its merging and writing without leaving a row behind", async () => {
    const rowsBefore = await database.connection.db.$count(documentUpdates);
    expect(await writer.warmedUp()).toBeGreaterThan(0);
    expect(await database.connection.db.$count(documentUpdates)).toBe(rowsBefore);
  });

  it("writes a batch all or nothing, reports why one failed, and keeps it to write again", async () => {
    const { db } = database.connection;
    const statementId = database.seedStatementId;
    const { log, errors } = flushOnlyLog(writer);
    const [good, alsoGood, ofNoStatement] = keystrokeUpdates(1, 3, "all-or-nothing");
    const noSuchStatement = "00000000-0000-4000-8000-000000000000";
    const rowsBefore = await db.$count(documentUpdates);

    log.append(statementId, authors[0] ?? null, good as Uint8Array);
    log.append(statementId, authors[0] ?? null, alsoGood as Uint8Array);
    log.append(noSuchStatement, authors[0] ?? null, ofNoStatement as Uint8Array);
    // A foreign-key violation, as the driver reported it (Drizzle wraps the driver's error).
    await expect(log.flush()).rejects.toMatchObject({ cause: { code: "23503" } });
    expect(errors).toHaveLength(1);
    expect(await db.$count(documentUpdates)).toBe(rowsBefore);
    // Kept to write again, merged to a row per statement and author.
    expect(log.pendingCount).toBe(2);

    // The writer still works: a batch of rows that can be written goes in.
    const { log: onlyGood } = flushOnlyLog(writer);
    onlyGood.append(statementId, authors[0] ?? null, good as Uint8Array);
    await onlyGood.flush();
    expect(await db.$count(documentUpdates)).toBe(rowsBefore + 1);
  });

  it("inserts a batch's rows in its order, with their authors and every byte value intact", async () => {
    const { db } = database.connection;
    const statementId = database.seedStatementId;
    const everyByte = Uint8Array.from({ length: 256 }, (_, value) => value);
    const rows = [
      { statementId, authorId: authors[0] ?? null, update: everyByte },
      { statementId, authorId: null, update: Uint8Array.of(0x22, 0x5c, 0x2c, 0x7b, 0x7d) },
      { statementId, authorId: authors[1] ?? null, update: new Uint8Array(0) },
      { statementId, authorId: null, update: everyByte.subarray(10, 20) },
    ];
    const idBefore = await latestUpdateId(db, statementId);

    await appendUpdates(db, rows);

    const stored = await db
      .select({ authorId: documentUpdates.authorId, update: documentUpdates.update })
      .from(documentUpdates)
      .where(and(eq(documentUpdates.statementId, statementId), gt(documentUpdates.id, idBefore)))
      .orderBy(asc(documentUpdates.id));
    expect(stored.map((row) => ({ authorId: row.authorId, update: [...row.update] }))).toEqual(
      rows.map((row) => ({ authorId: row.authorId, update: [...row.update] })),
    );
  });
});

describe("the update log's writer thread", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("fails the writes in flight when its thread dies, and the next write starts a new thread", async () => {
    const { db } = database.connection;
    const statementId = database.seedStatementId;
    const writer = openUpdateLogWriter(database.connection);
    await writer.warmedUp();
    // The thread is private to the writer; a test reaches in to end it as a crash would.
    const { running } = writer as unknown as { running: { worker: Worker } };
    const { log, errors } = flushOnlyLog(writer);
    const [lost, next] = keystrokeUpdates(1, 2, "writer-restart");
    const rowsBefore = await db.$count(documentUpdates);

    log.append(statementId, null, lost as Uint8Array);
    const flushed = log.flush();
    await running.worker.terminate();
    await expect(flushed).rejects.toThrow(/writer thread exited/);
    expect(log.pendingCount).toBe(1);

    log.append(statementId, null, next as Uint8Array);
    await log.flush();
    expect(await db.$count(documentUpdates)).toBe(rowsBefore + 1);
    expect(errors).toHaveLength(1);
    const stored = await loadDocument(db, statementId);
    expect(stored.getText("writer-restart").toString()).toBe("ab");
    await writer.close();
  });
});
