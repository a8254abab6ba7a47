import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentUpdates, users } from "../../db/schema";
import { loadDocument } from "../../server/collab/document-store";
import { UpdateLog } from "../../server/collab/update-log";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { keystrokeUpdates } from "../support/keystrokes";

describe("the update log", () => {
  let database: TestDatabase;
  let authors: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    authors = (await database.connection.db.select({ id: users.id }).from(users).limit(2)).map(
      (user) => user.id,
    );
  });
  afterAll(() => database.drop());

  it("writes everything appended before a flush, one row per statement and author, losing nothing", async () => {
    const { db } = database.connection;
    const statementId = database.seedStatementId;
    const before = await loadDocument(db, statementId);
    // A write interval far longer than the test: only the flush writes.
    const log = new UpdateLog(db, { flushDelayMs: 60_000, writeIntervalMs: 60_000 });
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
});
