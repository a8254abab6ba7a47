import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendUpdates } from "../../db/queries/documents";
import { loadDocument } from "../../server/collab/document-store";
import { repairStoredStatement } from "../../server/collab/repair";
import { loadStatementWorkflow } from "../../workflow/statement-workflow";
import { sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { AVDELNINGSCHEF, sessionUserOf } from "../support/workflow";

const collab = collabFixture();

describe("repairing stored statements (npm run repair:documents)", () => {
  it("removes a bare string, a foreign root and pending structs logged before the guard, and keeps the text", async () => {
    const { db } = collab.database.connection;
    const statementId = collab.database.seedStatementId;
    const before = await loadDocument(db, statementId);
    const text = sectionText(before, "sammanfattning");
    const attacker = new Y.Doc();
    attacker.getText("sammanfattning").insert(0, "bar sträng");
    attacker.getMap("x").set("a", "b".repeat(1000));
    const gapped = new Y.Doc();
    gapped.getText("t").insert(0, "a");
    const vector = Y.encodeStateVector(gapped);
    gapped.getText("t").insert(1, "x".repeat(10_000));
    await appendUpdates(db, [
      { statementId, authorId: null, update: Y.encodeStateAsUpdate(attacker) },
      { statementId, authorId: null, update: Y.encodeStateAsUpdate(gapped, vector) },
    ]);

    const report = await repairStoredStatement(db, statementId);
    expect(report.foreignRoots).toEqual(["x"]);
    expect(report.invalidSectionItems).toBe(1);
    expect(report.pendingStructBytes).toBeGreaterThan(10_000);

    const repaired = await loadDocument(db, statementId);
    expect(repaired.store.pendingStructs).toBeNull();
    expect(repaired.getMap("x").size).toBe(0);
    expect(sectionText(repaired, "sammanfattning")).toBe(text);
    const user = await sessionUserOf(collab, AVDELNINGSCHEF);
    expect((await loadStatementWorkflow(db, user, statementId)).found).toBe(true);
    expect((await repairStoredStatement(db, statementId)).foreignRoots).toEqual([]);
  });
});
