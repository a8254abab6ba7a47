/**
 * Ours: the real collaboration server (server/app.ts, collaboration part only), with next-auth
 * session authentication and persistence to PGlite (DATA_DIR) or PostgreSQL (DATABASE_URL), all
 * configured through the same environment variables as `npm start`.
 */
import * as Y from "yjs";
import { loadStoredDocument } from "../../db/queries/documents";
import { startApp } from "../../server/app";
import { loadDocument, rebuildDocument } from "../../server/collab/document-store";
import { consoleLogger } from "../../server/collab/logger";
import { loadConfig } from "../../server/config";
import { serveUnderTest } from "./common";

/**
 * The per-connection rate limits are set for people; the bench's clients are not (the trace replays
 * 259,778 edits in seconds, saturation types as fast as its window allows), so they are off here
 * unless set. The section guard and every other check stay on.
 */
const RATE_LIMITS_OFF = { COLLAB_MAX_MESSAGES_PER_SECOND: "0", COLLAB_MAX_BYTES_PER_SECOND: "0" };

const app = await startApp(loadConfig({ ...RATE_LIMITS_OFF, ...process.env }), consoleLogger);

serveUnderTest({
  port: app.port,
  stats: () => ({ rooms: app.collab.loadedRooms, connections: app.collab.connectionCount }),
  async load(statementId) {
    const started = performance.now();
    const doc = await loadDocument(app.database.db, statementId);
    const loaded = performance.now();
    const state = Y.encodeStateAsUpdate(doc);
    const encoded = performance.now();
    doc.destroy();
    return { loadMs: loaded - started, encodeMs: encoded - loaded, stateBytes: state.byteLength };
  },
  async loadSplit(statementId) {
    // The two steps of loadDocument (server/collab/document-store.ts), timed apart.
    const started = performance.now();
    const stored = await loadStoredDocument(app.database.db, statementId);
    const read = performance.now();
    const doc = rebuildDocument(stored);
    const applied = performance.now();
    doc.destroy();
    const storedBytes =
      (stored.snapshot?.update.byteLength ?? 0) +
      stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
    return { readMs: read - started, applyMs: applied - read, storedBytes };
  },
  stop: () => app.close(),
});
