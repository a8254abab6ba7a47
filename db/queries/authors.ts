import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { documentAuthors, userRoles, users } from "../schema";
import { selectUsersWithGrants } from "./users";

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

/** A writer of the document, with the units of their grants (for presence colour and legend). */
export interface DocumentAuthor {
  id: string;
  name: string;
  roles: { unitId: string | null; unitName: string | null }[];
}

/** The users behind the given client ids of the statement's document. */
export async function authorsOfClients(
  db: Database,
  statementId: string,
  clientIds: number[],
): Promise<Map<number, DocumentAuthor>> {
  if (clientIds.length === 0) return new Map();
  const rows = await selectUsersWithGrants(db, {
    clientId: documentAuthors.clientId,
    id: users.id,
    name: users.name,
  })
    .innerJoin(documentAuthors, eq(documentAuthors.userId, users.id))
    .where(and(eq(documentAuthors.statementId, statementId), inArray(documentAuthors.clientId, clientIds)))
    .orderBy(asc(userRoles.id));
  const authors = new Map<number, DocumentAuthor>();
  for (const { clientId, id, name, unitId, unitName } of rows) {
    const author = authors.get(clientId) ?? { id, name, roles: [] };
    if (unitId) author.roles.push({ unitId, unitName });
    authors.set(clientId, author);
  }
  return authors;
}
