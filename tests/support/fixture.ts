import { eq } from "drizzle-orm";
import { afterEach, beforeEach } from "vitest";
import type { WebSocket } from "ws";
import { users } from "../../db/schema";
import type { CollabExtensions } from "../../server/collab/server";
import { startCollabServer } from "./app";
import { connectClient, openRawSocket, type TestClient, waitForSynced } from "./clients";
import { createTestDatabase, type TestDatabase } from "./database";
import { sessionCookieFor } from "./session";

export type RunningCollabServer = Awaited<ReturnType<typeof startCollabServer>>;

export interface CollabFixture {
  readonly database: TestDatabase;
  readonly server: RunningCollabServer;
  /** The seed statement's room. */
  readonly roomUrl: string;
  cookieFor(email: string): Promise<string>;
  userIdOf(email: string): Promise<string>;
  /** A stock provider (no cookie for null), not yet synced. */
  connect(email: string | null): Promise<TestClient>;
  /** A stock provider, synced with the seed statement. */
  connectAs(email: string): Promise<TestClient>;
  /** A raw `ws` socket of the user, admitted to the seed statement's room. */
  openSocket(email: string, options?: { autoPong?: boolean }): Promise<WebSocket>;
  /** Closes the server (as a deploy would) and starts a new one on the same database. */
  restartServer(): Promise<void>;
}

/**
 * Per test: a fresh copy of the seeded database and a collaboration server on it; afterwards every
 * client and socket the test opened is closed, then the server, then the database.
 */
export function collabFixture(
  /** Settings of the server; a function gets the test's database (several nodes need its URL). */
  settings: Record<string, string> | ((database: TestDatabase) => Record<string, string>) = {},
  /** Hooks and a store plugged into every server the fixture starts. */
  extensions?: CollabExtensions,
): CollabFixture {
  const overrides = (given: TestDatabase) => (typeof settings === "function" ? settings(given) : settings);
  let database: TestDatabase | undefined;
  let server: RunningCollabServer | undefined;
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    server = await startCollabServer(database.connection, overrides(database), extensions);
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const socket of sockets.splice(0)) socket.terminate();
    await server?.close();
    await database?.drop();
    server = undefined;
    database = undefined;
  });

  const fixture: CollabFixture = {
    get database() {
      if (!database) throw new Error("No test database outside a test");
      return database;
    },
    get server() {
      if (!server) throw new Error("No server outside a test");
      return server;
    },
    get roomUrl() {
      return `${fixture.server.wsUrl}/${fixture.database.seedStatementId}`;
    },
    cookieFor: (email) => sessionCookieFor(fixture.database.connection.db, email),
    async userIdOf(email) {
      const [user] = await fixture.database.connection.db.select().from(users).where(eq(users.email, email));
      if (!user) throw new Error(`No user ${email}`);
      return user.id;
    },
    async connect(email) {
      const cookie = email ? await fixture.cookieFor(email) : null;
      const client = connectClient(fixture.server.wsUrl, fixture.database.seedStatementId, cookie);
      clients.push(client);
      return client;
    },
    async connectAs(email) {
      const client = await fixture.connect(email);
      await waitForSynced(client);
      return client;
    },
    async openSocket(email, options) {
      const socket = await openRawSocket(
        fixture.roomUrl,
        { cookie: await fixture.cookieFor(email) },
        options,
      );
      sockets.push(socket);
      return socket;
    },
    async restartServer() {
      await fixture.server.close();
      server = undefined;
      server = await startCollabServer(fixture.database.connection, overrides(fixture.database), extensions);
    },
  };
  return fixture;
}
