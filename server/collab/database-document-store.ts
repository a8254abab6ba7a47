import * as Y from "yjs";
import type { Database } from "../../db/client";
import { compactDocument, latestUpdateId, loadStoredDocument } from "../../db/queries/documents";
import type { DocumentStore, StoredDocument } from "./document-store";
import type { UpdateLog } from "./update-log";

/**
 * The DocumentStore in the app's database (PostgreSQL or PGlite): snapshots in
 * `document_snapshots`, the update log in `document_updates`, written in batches by `updateLog`.
 */
export class DatabaseDocumentStore implements DocumentStore {
  constructor(
    private readonly db: Database,
    private readonly updateLog: UpdateLog,
  ) {}

  load(statementId: string): Promise<StoredDocument> {
    return loadStoredDocument(this.db, statementId);
  }

  append(statementId: string, authorId: string | null, update: Uint8Array): void {
    this.updateLog.append(statementId, authorId, update);
  }

  flush(): Promise<void> {
    return this.updateLog.flush();
  }

  /**
   * The log position is read before the state is encoded: every logged update was applied to
   * `doc` before it was queued, so the snapshot contains all updates it replaces, even while
   * typing continues.
   */
  async compact(statementId: string, doc: Y.Doc): Promise<void> {
    await this.updateLog.flush();
    const upTo = await latestUpdateId(this.db, statementId);
    // V1, the format a sync step 2 carries: a client opening the statement cold is sent these bytes
    // as they are (see StoredStateHandoff; docs/decisions/0006 on V2).
    await compactDocument(this.db, statementId, { update: Y.encodeStateAsUpdate(doc), encoding: 1 }, upTo);
  }
}
