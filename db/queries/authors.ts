import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { documentAuthors, users } from "../schema";

/** Records that the Yjs client ids belong to the user; ids already recorded keep their user. */
export async function recordAuthors(
  db: Database,
  statementId: string,
  entries: { clientId: number; userId: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insert(documentAuthors)
    .values(entries.map((entry) => ({ statementId, ...entry })))
    .onConflictDoNothing();
}

export async function loadAuthorClientIds(db: Database, statementId: string): Promise<number[]> {
  const rows = await db
    .select({ clientId: documentAuthors.clientId })
    .from(documentAuthors)
    .where(eq(documentAuthors.statementId, statementId));
  return rows.map((row) => row.clientId);
}

/** The users behind the given client ids of the statement's document. */
export async function authorsOfClients(
  db: Database,
  statementId: string,
  clientIds: number[],
): Promise<Map<number, { id: string; name: string }>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db
    .select({ clientId: documentAuthors.clientId, id: users.id, name: users.name })
    .from(documentAuthors)
    .innerJoin(users, eq(users.id, documentAuthors.userId))
    .where(and(eq(documentAuthors.statementId, statementId), inArray(documentAuthors.clientId, clientIds)));
  return new Map(rows.map((row) => [row.clientId, { id: row.id, name: row.name }]));
}
