import { createServer, type ServerResponse } from "node:http";
import { type IntervalHistogram, monitorEventLoopDelay } from "node:perf_hooks";
import type { WebSocketServer } from "ws";
import { onParentMessages, toParent } from "../lib/ipc";

/** What every server under test answers over IPC, besides being a server. */
export interface ServerUnderTest {
  port: number;
  /** Documents (rooms) held in memory and open sockets. */
  stats(): { rooms: number; connections: number };
  /** Ours only: times loading a statement's document from the database, as a room load does. */
  load?(statementId: string): Promise<{ loadMs: number; encodeMs: number; stateBytes: number }>;
  /** Ours only: the same load in its two steps, database read and Y.Doc rebuild, timed apart. */
  loadSplit?(statementId: string): Promise<{ readMs: number; applyMs: number; storedBytes: number }>;
  /** Graceful shutdown: everything the server would flush is flushed. */
  stop(): Promise<void>;
}

/**
 * Reports the port to the orchestrator and answers its requests. SIGTERM (or the orchestrator going
 * away) stops the server gracefully, as a deploy would.
 */
export function serveUnderTest(server: ServerUnderTest): void {
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= server
      .stop()
      .catch((error: unknown) => {
        process.stderr.write(`stop failed: ${String(error)}\n`);
      })
      .finally(() => process.exit(0));
    return stopping;
  };
  let loopDelay: IntervalHistogram | null = null;
  onParentMessages({
    // How long the event loop was kept from running ready callbacks: the server's own share of the
    // latency, apart from the load generators' and the scheduler's.
    "loop-delay-start": () => {
      loopDelay = monitorEventLoopDelay({ resolution: 1 });
      loopDelay.enable();
      toParent({ type: "loop-delay-started" });
    },
    "loop-delay-stop": () => {
      const histogram = loopDelay;
      histogram?.disable();
      loopDelay = null;
      const ms = (nanoseconds: number | undefined) => (nanoseconds ?? Number.NaN) / 1e6;
      toParent({
        type: "loop-delay",
        p50: ms(histogram?.percentile(50)),
        p99: ms(histogram?.percentile(99)),
        max: ms(histogram?.max),
      });
    },
    stats: () => toParent({ type: "stats", ...server.stats() }),
    gc: () => {
      // --expose-gc is given to every server alike, for the memory figures "after GC". Ours also uses
      // it itself, as under `npm start`: it collects after many statements have unloaded.
      const collect = (globalThis as { gc?: () => void }).gc;
      collect?.();
      const usage = process.memoryUsage();
      toParent({
        type: "gc-done",
        available: collect !== undefined,
        heapUsed: usage.heapUsed,
        external: usage.external,
      });
    },
    load: async (message: { statementId: string }) => {
      if (!server.load) throw new Error("This server loads nothing");
      toParent({ type: "loaded", ...(await server.load(message.statementId)) });
    },
    loadSplit: async (message: { statementId: string }) => {
      if (!server.loadSplit) throw new Error("This server loads nothing");
      toParent({ type: "load-split", ...(await server.loadSplit(message.statementId)) });
    },
  });
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  process.on("disconnect", () => void stop());
  toParent({ type: "ready", port: server.port });
}

/**
 * Serves `wss` on a free 127.0.0.1 port through HTTP upgrades, answers other HTTP requests with
 * `respond`, and reports to the orchestrator as `serveUnderTest` does.
 */
export async function serveWebSocketServer(
  wss: WebSocketServer,
  rooms: () => number,
  respond: (response: ServerResponse) => void,
): Promise<void> {
  const server = createServer((_request, response) => respond(response));
  server.on("upgrade", (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  serveUnderTest({
    port: typeof address === "object" && address ? address.port : 0,
    stats: () => ({ rooms: rooms(), connections: wss.clients.size }),
    async stop() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
