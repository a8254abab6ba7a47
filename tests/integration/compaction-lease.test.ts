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
    for (let i = 0; i < 3; i++) {
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

  it("lets one of three nodes at a time compact a statement, and the snapshot keeps what each node holds", async () => {
    const db = database.connection.db;
    const statementId = database.seedStatementId;
    const updateLog = new UpdateLog(writer, { flushDelayMs: 0, writeIntervalMs: 0 });
    // Nodes one and three each have an edit only they hold; node two one that is in the log.
    const load = () => loadDocument(db, statementId);
    const [docOne, docTwo, docThree] = await Promise.all([load(), load(), load()]);
    insertAtStart(docOne, "bakgrund", "Ettan ");
    const logged: Uint8Array[] = [];
    docTwo.on("update", (update: Uint8Array) => logged.push(update));
    insertAtStart(docTwo, "sammanfattning", "Tvåan ");
    await appendUpdates(db, [{ statementId, authorId: null, update: logged[0] as Uint8Array }]);
    insertAtStart(docThree, "arendets-beredning", "Trean ");

    const [relayOne, relayTwo, relayThree] = relays as [NodeRelay, NodeRelay, NodeRelay];
    const compactor = (relay: NodeRelay, doc: Y.Doc, gate?: () => Promise<unknown>) => {
      const counted = countingTransactions(db);
      const nodeDb = gate ? gateTransaction(counted, gate) : counted;
      const store = relay.store(nodeDb, new DatabaseDocumentStore(nodeDb, updateLog));
      return { compact: () => store.compact(statementId, doc), transactions: () => counted.count };
    };
    const three = compactor(relayThree, docThree);
    // While node two compacts, node three tries: two holds the lease, so three leaves it.
    const two = compactor(relayTwo, docTwo, () => three.compact());
    // While node one compacts, nodes two and three try at once: one holds the lease, so both leave it.
    const one = compactor(relayOne, docOne, () => Promise.all([two.compact(), three.compact()]));

    await one.compact();
    expect([one.transactions(), two.transactions(), three.transactions()]).toEqual([1, 0, 0]);
    // With the lease released, node two compacts in turn, and node three only after it.
    await two.compact();
    expect([two.transactions(), three.transactions()]).toEqual([1, 0]);
    await three.compact();
    expect(three.transactions()).toBe(1);

    const stored = await loadDocument(db, statementId);
    expect(sectionText(stored, "bakgrund")).toMatch(/^Ettan /);
    expect(sectionText(stored, "sammanfattning")).toMatch(/^Tvåan /);
    expect(sectionText(stored, "arendets-beredning")).toMatch(/^Trean /);
  });
});
