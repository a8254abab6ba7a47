import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import type { Database } from "../../db/client";
import { appendUpdates } from "../../db/queries/documents";
import { inProcessStatementEvents } from "../../events/statement-events";
import { DatabaseDocumentStore } from "../../server/collab/database-document-store";
import { loadDocument } from "../../server/collab/document-store";
import { silentLogger } from "../../server/collab/logger";
import { NodeRelay } from "../../server/collab/relay/node-relay";
import { RedisNode } from "../../server/collab/relay/redis-node";
import { UpdateLog } from "../../server/collab/update-log";
import { openUpdateLogWriter, type UpdateLogWriter } from "../../server/collab/update-log-writer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { insertAtStart, sectionText } from "../support/document";
import { startRedis, type TestRedis } from "../support/redis";
import { gateTransaction } from "../support/sign-off";

const onPostgres = process.env.TEST_DB === "postgres";

/** The database, counting the transactions opened through it. */
function countingTransactions(db: Database): Database & { readonly count: number } {
  let count = 0;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === "count") return count;
      if (property !== "transaction") return Reflect.get(target, property, receiver);
      return (...args: Parameters<typeof target.transaction>) => {
        count++;
        return target.transaction(...args);
      };
    },
  }) as Database & { readonly count: number };
}

// Several nodes share one PostgreSQL database; PGlite belongs to one process, so on the PGlite
// project this is skipped (the same file runs on PostgreSQL in `npm test`).
describe.skipIf(!onPostgres)("compaction across nodes", () => {
  let redis: TestRedis;
  let database: TestDatabase;
  let writer: UpdateLogWriter;
  const nodes: RedisNode[] = [];
  const relays: NodeRelay[] = [];

  beforeEach(async () => {
    redis = await startRedis();
    database = await createTestDatabase();
    writer = openUpdateLogWriter(database.connection);
    for (let i = 0; i < 2; i++) {
      const node = await RedisNode.connect(redis.url, silentLogger);
      nodes.push(node);
      relays.push(new NodeRelay(node, database.connection.db, inProcessStatementEvents(), silentLogger, 0));
    }
  });

  afterEach(async () => {
    for (const relay of relays.splice(0)) relay.stop();
    for (const node of nodes.splice(0)) await node.close();
    await writer.close();
    await database.drop();
    await redis.remove();
  });

  it("lets one node at a time compact a statement, and the snapshot keeps what each node holds", async () => {
    const db = database.connection.db;
    const statementId = database.seedStatementId;
    const updateLog = new UpdateLog(writer, { flushDelayMs: 0, writeIntervalMs: 0 });
    // Node one's document has an edit only it holds; node two's one that is in the log.
    const [docOne, docTwo] = await Promise.all([
      loadDocument(db, statementId),
      loadDocument(db, statementId),
    ]);
    insertAtStart(docOne, "bakgrund", "Ettan ");
    const logged: Uint8Array[] = [];
    docTwo.on("update", (update: Uint8Array) => logged.push(update));
    insertAtStart(docTwo, "sammanfattning", "Tvåan ");
    await appendUpdates(db, [{ statementId, authorId: null, update: logged[0] as Uint8Array }]);

    const [relayOne, relayTwo] = relays as [NodeRelay, NodeRelay];
    const dbTwo = countingTransactions(db);
    const storeTwo = relayTwo.store(dbTwo, new DatabaseDocumentStore(dbTwo, updateLog));
    const compactTwo = (id: string, doc: Y.Doc) => storeTwo.compact(id, doc);
    // Node two tries while node one's compaction is under way: it holds the lease, so two leaves it.
    const dbOne = gateTransaction(db, () => compactTwo(statementId, docTwo));
    await relayOne.store(dbOne, new DatabaseDocumentStore(dbOne, updateLog)).compact(statementId, docOne);
    expect(dbOne.opened).toBe(true);
    expect(dbTwo.count).toBe(0);

    // With the lease released, node two compacts in turn.
    await compactTwo(statementId, docTwo);
    expect(dbTwo.count).toBe(1);
    const stored = await loadDocument(db, statementId);
    expect(sectionText(stored, "bakgrund")).toMatch(/^Ettan /);
    expect(sectionText(stored, "sammanfattning")).toMatch(/^Tvåan /);
  });
});
