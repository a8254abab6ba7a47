/** Hocuspocus 4 (`@hocuspocus/server`) with its default configuration and no extensions: in memory. */
import { Server } from "@hocuspocus/server";
import { serveUnderTest } from "./common";

const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
await server.listen();

serveUnderTest({
  port: server.address.port,
  stats: () => ({
    rooms: server.hocuspocus.getDocumentsCount(),
    connections: server.hocuspocus.getConnectionsCount(),
  }),
  stop: () => server.destroy(),
});
