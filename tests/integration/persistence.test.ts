import { and, asc, eq, lte } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { documentSnapshots, documentUpdates } from "../../db/schema";
import { loadDocument } from "../../server/collab/document-store";
import { type TestClient, waitForDocs } from "../support/clients";
import { insertAtStart, paragraphText, sectionText } from "../support/document";
import { type CollabFixture, collabFixture } from "../support/fixture";
import { YTTRANDE } from "../support/sections";
import { WAIT } from "../support/wait";

const BOU = "handlaggare.bou@demo.test";
const EB = "handlaggare.eb@demo.test";

interface Typist {
  client: TestClient;
  section: string;
  text: string;
}

/** Each typist types its text one keystroke (one update) at a time; each keystroke reaches the other first. */
async function typeInTurns(first: Typist, second: Typist) {
  for (let index = 0; index < Math.max(first.text.length, second.text.length); index++) {
    for (const [typist, other] of [
      [first, second],
      [second, first],
    ] as const) {
      const char = typist.text[index];
      if (char === undefined) continue;
      paragraphText(typist.client.doc, typist.section).insert(index, char);
      const typed = typist.text.slice(0, index + 1);
      await waitForDocs([other.client.doc], () =>
        sectionText(other.client.doc, typist.section).startsWith(typed),
      );
    }
  }
}

function storedRows(collab: CollabFixture, db: Database = collab.database.connection.db) {
  return db
    .select()
    .from(documentUpdates)
    .where(eq(documentUpdates.statementId, collab.database.seedStatementId))
    .orderBy(asc(documentUpdates.id));
}

describe("persistence", () => {
  const collab = collabFixture();

  it("keeps what was written across a server restart", async () => {
    const writer = await collab.connectAs(BOU);
    const observer = await collab.connectAs(EB);
    insertAtStart(writer.doc, "bakgrund", "Överlever omstarten. ");
    // Applied by the server once it has reached another client.
    await waitForDocs([observer.doc], () => sectionText(observer.doc, "bakgrund").startsWith("Överlever"));
    // Gone before the restart, so no client can hand the text back to the new server.
    writer.destroy();
    observer.destroy();

    await collab.restartServer();
    const reader = await collab.connectAs(EB);
    expect(sectionText(reader.doc, "bakgrund")).toMatch(/^Överlever omstarten\. Karin Rågsjö/);
  });

  it("unloads the room after its last client leaves, with its content stored", async () => {
    const writer = await collab.connectAs(BOU);
    expect(collab.server.collab.loadedRooms).toBe(1);
    insertAtStart(writer.doc, "sammanfattning", "Sparas vid avlastning. ");
    writer.destroy();

    await vi.waitFor(() => expect(collab.server.collab.loadedRooms).toBe(0), WAIT);
    const stored = await loadDocument(collab.database.connection.db, collab.database.seedStatementId);
    expect(sectionText(stored, "sammanfattning")).toMatch(/^Sparas vid avlastning\. Vissa barn/);
  });

  it("logs every edit with the id of the user who made it", async () => {
    const sara = { client: await collab.connectAs(BOU), section: "bakgrund", text: "Saras rader. " };
    const ahmed = { client: await collab.connectAs(EB), section: YTTRANDE, text: "Ahmeds rader. " };
    await typeInTurns(sara, ahmed);
    await collab.server.collab.flush();

    const rows = await storedRows(collab);
    const authors = new Map([
      [await collab.userIdOf(BOU), ""],
      [await collab.userIdOf(EB), ""],
    ]);
    for (const row of rows) {
      expect(authors.has(row.authorId ?? "")).toBe(true);
      const inserted = Y.decodeUpdate(row.update).structs.map((struct) =>
        struct instanceof Y.Item && struct.content instanceof Y.ContentString ? struct.content.str : "",
      );
      authors.set(row.authorId ?? "", (authors.get(row.authorId ?? "") ?? "") + inserted.join(""));
    }
    // What each author's rows insert, in log order, is exactly what that author typed.
    expect([...authors.values()]).toEqual([sara.text, ahmed.text]);
  });
});

describe("compaction", () => {
  const collab = collabFixture({ COLLAB_COMPACT_EVERY: "5" });

  it("folds the update log into a snapshot while clients keep editing", async () => {
    const sara = { client: await collab.connectAs(BOU), section: "bakgrund", text: "Komprimeras nu. " };
    const ahmed = { client: await collab.connectAs(EB), section: YTTRANDE, text: "Och det här. " };
    await typeInTurns(sara, ahmed);
    await collab.server.collab.flush();
    const { db } = collab.database.connection;
    const snapshotOf = async () =>
      (
        await db
          .select()
          .from(documentSnapshots)
          .where(eq(documentSnapshots.statementId, collab.database.seedStatementId))
      )[0];
    // The clients are still connected: this is the periodic compaction, not the one at unload.
    await vi.waitFor(async () => expect((await snapshotOf())?.lastUpdateId ?? 0).toBeGreaterThan(0), WAIT);

    // One consistent view: a compaction may still be committing while this reads.
    const { stale, stored } = await db.transaction(
      async (tx) => {
        const [snapshot] = await tx
          .select()
          .from(documentSnapshots)
          .where(eq(documentSnapshots.statementId, collab.database.seedStatementId));
        const stale = await tx
          .select({ id: documentUpdates.id })
          .from(documentUpdates)
          .where(
            and(
              eq(documentUpdates.statementId, collab.database.seedStatementId),
              lte(documentUpdates.id, snapshot?.lastUpdateId ?? 0),
            ),
          );
        return { stale, stored: await loadDocument(tx, collab.database.seedStatementId) };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    expect(stale).toEqual([]);
    for (const section of ["bakgrund", YTTRANDE]) {
      expect(sectionText(stored, section)).toBe(sectionText(sara.client.doc, section));
      expect(sectionText(stored, section)).toBe(sectionText(ahmed.client.doc, section));
    }
    expect(sectionText(stored, "bakgrund")).toMatch(/^Komprimeras nu\. Karin/);
    expect(sectionText(stored, YTTRANDE)).toMatch(/^Och det här\. /);
  });
});
