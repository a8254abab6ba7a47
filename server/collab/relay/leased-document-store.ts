import { randomUUID } from "node:crypto";
import type * as Y from "yjs";
import type { Database } from "../../../db/client";
import { compactWithStoredState, type DocumentStore, type StoredDocument } from "../document-store";
import type { RedisNode } from "./redis-node";

/** A compaction lease expires this long after it was taken, should its node die holding it. */
const COMPACTION_LEASE_MS = 30_000;
/** Deletes the lease only if it is still the one this node took. */
const RELEASE_LEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * A node's document store when several nodes hold statements: it reads and logs through `base`,
 * and compacts under a lease in Redis, so one node at a time folds a statement's log, merging the
 * stored state with its own document. Without the lease (another node has it, or Redis is away)
 * it leaves the log as it is: it is folded next time.
 */
export class LeasedDocumentStore implements DocumentStore {
  constructor(
    private readonly base: DocumentStore,
    private readonly db: Database,
    private readonly node: RedisNode,
  ) {}

  load(statementId: string): Promise<StoredDocument> {
    return this.base.load(statementId);
  }

  append(statementId: string, authorId: string | null, update: Uint8Array): void {
    this.base.append(statementId, authorId, update);
  }

  flush(): Promise<void> {
    return this.base.flush();
  }

  async compact(statementId: string, doc: Y.Doc): Promise<void> {
    const key = `beredning:compaction:${statementId}`;
    const token = randomUUID();
    const taken = await this.node.commands.set(key, token, "PX", COMPACTION_LEASE_MS, "NX").catch(() => null);
    await this.base.flush();
    if (taken !== "OK") return;
    try {
      await compactWithStoredState(this.db, statementId, doc);
    } finally {
      await this.node.commands.eval(RELEASE_LEASE, 1, key, token).catch(() => {});
    }
  }
}
