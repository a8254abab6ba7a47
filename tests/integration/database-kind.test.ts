import { expect, it } from "vitest";
import { createTestDatabase } from "../support/database";

it("runs on the database its project names", async () => {
  const database = await createTestDatabase();
  try {
    expect(database.connection.kind).toBe(process.env.TEST_DB);
  } finally {
    await database.drop();
  }
});
