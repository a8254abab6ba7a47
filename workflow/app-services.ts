import { type Database, type DatabaseConnection, databaseOfThisCopy } from "../db/client";
import type { SessionEndedBus } from "../events/session-events";
import type { StatementEventBus } from "../events/statement-events";
import type { StatementDocuments } from "./statement-documents";

/**
 * What the use cases run on, created once per process by the composition root (server/app.ts):
 * with `REDIS_URL` the buses are Redis-backed and the documents' rooms are linked across nodes.
 */
export interface AppServices {
  readonly database: DatabaseConnection;
  readonly statementEvents: StatementEventBus;
  readonly sessionEvents: SessionEndedBus;
  readonly documents: StatementDocuments;
}

/*
 * The one process-wide slot: the Next.js routes run as a separate bundled copy of these modules
 * and can't be handed anything by server/app.ts except through globalThis.
 */
const SERVICES = Symbol.for("beredning.app-services");
type GlobalWithServices = typeof globalThis & { [SERVICES]?: AppServices };

export function installAppServices(services: AppServices | undefined): void {
  (globalThis as GlobalWithServices)[SERVICES] = services;
}

export function appServices(): AppServices {
  const services = (globalThis as GlobalWithServices)[SERVICES];
  if (!services) {
    throw new Error(
      "The app is not running in this process: start it through server/main.ts (npm start / npm run dev).",
    );
  }
  return services;
}

/** The process's database, for code that runs inside the app (route handlers, pages, use cases). */
export function getDb(): Promise<Database> {
  return databaseOfThisCopy(appServices().database);
}
