import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendUpdates, latestUpdateId } from "../../db/queries/documents";
import { documentUpdates } from "../../db/schema";
import { warmUpDatabaseWrites } from "../../server/collab/warm-up";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("the start-up warm-up of update-log writes", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const countRows = async () =>
    (await database.connection.db.select({ rows: count() }).from(documentUpdates))[0]?.rows ?? -1;

  it("writes and rolls back, leaving no row behind, and later writes still land", async () => {
    const { db } = database.connection;
    const rowsBefore = await countRows();

    expect(await warmUpDatabaseWrites(db)).toBeGreaterThan(0);
    expect(await countRows()).toBe(rowsBefore);

    const statementId = database.seedStatementId;
    const idBefore = await latestUpdateId(db, statementId);
    await appendUpdates(db, [{ statementId, authorId: null, update: new Uint8Array([0, 0]) }]);
    expect(await latestUpdateId(db, statementId)).toBeGreaterThan(idBefore);
    const written = await db
      .select()
      .from(documentUpdates)
      .where(eq(documentUpdates.statementId, statementId));
    expect(written.map((row) => [...row.update])).toContainEqual([0, 0]);
  });
});
