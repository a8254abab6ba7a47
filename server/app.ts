import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { forgetEndedSessions } from "../auth/session-check";
import type { DatabaseConnection } from "../db/client";
import { closePdfEngine } from "../document/pdf-browser";
import { inProcessSessionEvents } from "../events/session-events";
import { inProcessStatementEvents } from "../events/statement-events";
import { type AppServices, installAppServices } from "../workflow/app-services";
import { isCollabPath } from "./collab/authorize";
import type { Logger } from "./collab/logger";
import { type CollabExtensions, type CollabServer, createCollabServer } from "./collab/server";
import { openUpdateLogWriter } from "./collab/update-log-writer";
import { warmUpDatabaseReads } from "./collab/warm-up";
import type { ServerConfig } from "./config";
import { openDatabase } from "./database";
import { firstRunGate } from "./first-run";
import { answerHealth } from "./health";
import { startMultiNode } from "./multi-node";
import { guardRequest } from "./security/request-guard";

export interface RunningApp {
  server: Server;
  port: number;
  database: DatabaseConnection;
  collab: CollabServer;
  /** What the use cases of this process run on (installed for the Next.js routes too). */
  services: AppServices;
  /** Stops accepting, closes sockets with 1001, flushes writes, closes the database it opened. */
  close(): Promise<void>;
}

type NextHandlers = {
  request: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  upgrade: ((request: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>) | null;
  close: () => Promise<void>;
};

async function prepareNext(config: ServerConfig): Promise<NextHandlers> {
  const { default: next } = await import("next");
  const app = next({
    dev: config.dev,
    dir: process.cwd(),
    hostname: config.host,
    port: config.port,
    // Next attaches an upgrade listener to the server it is given; it gets a detached emitter so
    // that upgrades are routed here (collaboration) and passed on only when they are Next's own.
    httpServer: new EventEmitter() as unknown as Server,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  return {
    request: (request, response) => handle(request, response),
    upgrade: config.dev ? app.getUpgradeHandler() : null,
    close: () => app.close(),
  };
}

function notFound(response: ServerResponse) {
  response.writeHead(404, { "content-type": "application/json" });
  response.end(JSON.stringify({ error: "Not found" }));
}

/**
 * The composition root: opens the database, creates the buses (Redis-backed with `REDIS_URL`) and
 * the collaboration server, hands them to the use cases, and serves the collaboration endpoint and
 * (unless collab-only) the Next.js app.
 */
export async function startApp(
  config: ServerConfig,
  logger: Logger,
  /** An already open and migrated database (tests); by default the configured one is opened. */
  givenDatabase?: DatabaseConnection,
  /** Hooks and a document store plugged into the collaboration server (see server/collab/hooks.ts). */
  extensions?: CollabExtensions,
): Promise<RunningApp> {
  const database = givenDatabase ?? (await openDatabase(config, logger));
  process.env.NEXTAUTH_SECRET = config.authSecret;
  process.env.SESSION_MAX_AGE = String(config.sessionMaxAge);
  process.env.LOGIN_THROTTLE_BASE_DELAY_MS = String(config.loginThrottle.baseDelayMs);
  process.env.LOGIN_THROTTLE_MAX_DELAY_MS = String(config.loginThrottle.maxDelayMs);
  const multiNode = config.redisUrl
    ? await startMultiNode(config.redisUrl, database, logger, config.collab.relayResyncMs)
    : null;
  const statementEvents = multiNode?.statementEvents ?? inProcessStatementEvents();
  const sessionEvents = multiNode?.sessionEvents ?? inProcessSessionEvents();
  const stopForgettingSessions = sessionEvents.subscribe(forgetEndedSessions);
  const updateLogWriter = openUpdateLogWriter(database);
  const collab = createCollabServer({
    db: database.db,
    updateLogWriter,
    authSecret: config.authSecret,
    logger,
    extensions,
    ...config.collab,
    relay: multiNode?.relay,
    statementEvents,
    sessionEvents,
  });
  const services: AppServices = { database, statementEvents, sessionEvents, documents: collab.documents };
  installAppServices(services);
  logger.info("database reads warmed up", { ms: Math.round(await warmUpDatabaseReads(database.db)) });
  logger.info("update log writes warmed up", { ms: Math.round(await updateLogWriter.warmedUp()) });
  const nextHandlers = config.parts === "all" ? await prepareNext(config) : null;

  // Known once the server listens (the port may be chosen then); no request comes before.
  let publicUrl = new URL("http://localhost");
  const firstRun = firstRunGate(database.db);
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (!guardRequest(request, response, pathname, publicUrl, config.dev)) return;
    if (pathname === "/api/health") {
      void answerHealth(database, response);
    } else {
      void firstRun(pathname, response).then(
        (heldBack) => heldBack || forward(request, response),
        (error: unknown) => {
          logger.error("first-run check failed", { url: request.url, error: String(error) });
          if (!response.headersSent) response.writeHead(500);
          response.end();
        },
      );
    }
  });
  function forward(request: IncomingMessage, response: ServerResponse) {
    if (nextHandlers) {
      nextHandlers.request(request, response).catch((error: unknown) => {
        logger.error("request failed", { url: request.url, error: String(error) });
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    } else {
      notFound(response);
    }
  }
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (isCollabPath(request.url)) collab.handleUpgrade(request, socket, head);
    else if (nextHandlers?.upgrade) void nextHandlers.upgrade(request, socket, head);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  process.env.NEXTAUTH_URL = config.publicUrl ?? `http://${config.host}:${port}`;
  publicUrl = new URL(process.env.NEXTAUTH_URL);

  return {
    server,
    port,
    database,
    collab,
    services,
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await collab.close();
      stopForgettingSessions();
      await multiNode?.close();
      await updateLogWriter.close();
      server.closeAllConnections();
      await stopped;
      await nextHandlers?.close();
      await closePdfEngine();
      installAppServices(undefined);
      if (!givenDatabase) await database.close();
    },
  };
}
