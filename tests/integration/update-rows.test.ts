import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendUpdates } from "../../db/queries/documents";
import { documentUpdates, users } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("appending update rows", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("stores a batch's rows in its order, with their authors and every byte value intact", async () => {
    const { db } = database.connection;
    const statementId = database.seedStatementId;
    const [author] = await db.select({ id: users.id }).from(users).limit(1);
    if (!author) throw new Error("the seeded database has no user");
    const everyByte = Uint8Array.from({ length: 256 }, (_, value) => value);
    const rows = [
      { statementId, authorId: author.id, update: everyByte },
      { statementId, authorId: null, update: Uint8Array.of(0x22, 0x5c, 0x2c, 0x7b, 0x7d) },
      { statementId, authorId: author.id, update: new Uint8Array(0) },
      { statementId, authorId: null, update: everyByte.subarray(10, 20) },
    ];
    await db.delete(documentUpdates).where(eq(documentUpdates.statementId, statementId));

    await appendUpdates(db, rows);

    const stored = await db
      .select({ authorId: documentUpdates.authorId, update: documentUpdates.update })
      .from(documentUpdates)
      .where(eq(documentUpdates.statementId, statementId))
      .orderBy(asc(documentUpdates.id));
    expect(stored.map((row) => ({ authorId: row.authorId, update: [...row.update] }))).toEqual(
      rows.map((row) => ({ authorId: row.authorId, update: [...row.update] })),
    );
  });
});
