import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DatabaseDocumentStore } from "../../server/collab/database-document-store";
import { rebuildDocument } from "../../server/collab/document-store";
import { UpdateLog } from "../../server/collab/update-log";
import { openUpdateLogWriter, type UpdateLogWriter } from "../../server/collab/update-log-writer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { keystrokeUpdates } from "../support/keystrokes";

/** The text a stored document holds under `name`, rebuilt as a room load rebuilds it. */
function storedText(stored: Awaited<ReturnType<DatabaseDocumentStore["load"]>>, name: string): string {
  const doc = rebuildDocument(stored);
  const text = doc.getText(name).toString();
  doc.destroy();
  return text;
}

describe("the database document store", () => {
  let database: TestDatabase;
  let writer: UpdateLogWriter;
  let store: DatabaseDocumentStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    writer = openUpdateLogWriter(database.connection);
    // Only flushes write: the store's durability is what a flush promises, nothing earlier.
    const log = new UpdateLog(writer, { flushDelayMs: 60_000, writeIntervalMs: 60_000 });
    store = new DatabaseDocumentStore(database.connection.db, log);
  });
  afterAll(async () => {
    await writer.close();
    await database.drop();
  });

  it("loads what was appended once flushed, then the same state from one snapshot after compaction", async () => {
    const statementId = database.seedStatementId;
    const doc = rebuildDocument(await store.load(statementId));
    const updates = keystrokeUpdates(2, 40, "store-test");
    for (const update of updates) {
      Y.applyUpdate(doc, update);
      store.append(statementId, null, update);
    }
    await store.flush();
    const logged = await store.load(statementId);
    expect(logged.updates.length).toBeGreaterThan(0);
    expect(storedText(logged, "store-test")).toBe(doc.getText("store-test").toString());

    await store.compact(statementId, doc);
    const compacted = await store.load(statementId);
    expect(compacted.updates).toEqual([]);
    expect(compacted.snapshot?.encoding).toBe(1);
    expect(storedText(compacted, "store-test")).toBe(doc.getText("store-test").toString());
    expect(doc.getText("store-test").length).toBe(40);
  });

  it("loses nothing appended while a compaction runs", async () => {
    const statementId = database.seedStatementId;
    const doc = rebuildDocument(await store.load(statementId));
    const [early, late] = [keystrokeUpdates(1, 5, "early"), keystrokeUpdates(1, 5, "late")];
    for (const update of early) {
      Y.applyUpdate(doc, update);
      store.append(statementId, null, update);
    }
    const compacting = store.compact(statementId, doc);
    // Typing goes on, as in a room: each update applied to the document, then appended.
    for (const update of late) {
      Y.applyUpdate(doc, update);
      store.append(statementId, null, update);
    }
    await compacting;
    await store.flush();
    const stored = await store.load(statementId);
    expect(storedText(stored, "early")).toBe("abcde");
    expect(storedText(stored, "late")).toBe("abcde");
  });
});
