/**
 * Hocuspocus 4 (`@hocuspocus/server`) with its default configuration. In memory, with no extensions,
 * except in the cold-open scenario: there, `HOCUSPOCUS_DATA_DIR` names a folder, and its own
 * persistence extension (`@hocuspocus/extension-database`) keeps each document's state in a file,
 * so that it can be restarted and open the document cold, as ours is.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";
import { serveUnderTest } from "./common";

const dataDir = process.env.HOCUSPOCUS_DATA_DIR;

function stateFile(folder: string, documentName: string): string {
  return path.join(folder, `${encodeURIComponent(documentName)}.ystate`);
}

function filePersistence(folder: string): Database {
  return new Database({
    fetch: async ({ documentName }) => {
      try {
        return new Uint8Array(await readFile(stateFile(folder, documentName)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    store: async ({ documentName, state }) => {
      await mkdir(folder, { recursive: true });
      // Written aside and renamed, so a crash never leaves half a state behind.
      const file = stateFile(folder, documentName);
      await writeFile(`${file}.tmp`, state);
      await rename(`${file}.tmp`, file);
    },
  });
}

const server = new Server({
  port: 0,
  address: "127.0.0.1",
  quiet: true,
  stopOnSignals: false,
  extensions: dataDir ? [filePersistence(dataDir)] : [],
});
await server.listen();

serveUnderTest({
  port: server.address.port,
  stats: () => ({
    rooms: server.hocuspocus.getDocumentsCount(),
    connections: server.hocuspocus.getConnectionsCount(),
  }),
  stop: () => server.destroy(),
});
