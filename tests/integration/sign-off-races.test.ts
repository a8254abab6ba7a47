import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { statements, statementVersions } from "../../db/schema";
import { inProcessStatementEvents } from "../../events/statement-events";
import { ApprovalWatch } from "../../server/collab/approval-watch";
import { loadDocument } from "../../server/collab/document-store";
import { silentLogger } from "../../server/collab/logger";
import { RELAYED_ORIGIN } from "../../server/collab/room";
import { approve, finalise, revoke } from "../../workflow/sign-off";
import { waitForDocs } from "../support/clients";
import { insertAtStart, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { gateTransaction, signOffHelpers } from "../support/sign-off";
import {
  AVDELNINGSCHEF,
  DIREKTOR,
  ENHETSCHEF_BOU,
  expectOk,
  expectRefusal,
  HANDLAGGARE_BOU,
  HANDLAGGARE_EB,
  YTTRANDE,
} from "../support/workflow";

/*
 * Concurrent sign-off steps, landed at exact points: a gated database runs the competing step to
 * completion just before the workflow call under test opens its next transaction.
 */
const collab = collabFixture();
const signOff = signOffHelpers(collab);
const { db, seed } = signOff;

/** The final version: approvals keep versions of their own (see workflow/versions.ts). */
const versionsOfSeed = () =>
  db()
    .select()
    .from(statementVersions)
    .where(and(eq(statementVersions.statementId, seed()), eq(statementVersions.kind, "final")));

async function statusOfSeed() {
  const [row] = await db().select().from(statements).where(eq(statements.id, seed()));
  return row?.status;
}

/** What the audit trail records after the finalisation: nothing may follow it. */
async function actionsAfterFinalisation(): Promise<string[]> {
  const actions = (await signOff.audit()).map((event) => event.action);
  expect(actions).toContain("statement.finalised");
  return actions.slice(actions.indexOf("statement.finalised") + 1);
}

describe("an edit racing an approval", () => {
  it("makes the approval stale, credited to the editor, when the edit follows its recording at once", async () => {
    const writer = await collab.connectAs(HANDLAGGARE_EB);
    const shown = await signOff.currentHash(YTTRANDE);
    expectOk(await approve(db(), await signOff.user(ENHETSCHEF_BOU), seed(), YTTRANDE, shown));
    // Whether the edit reaches the server before or after its approval watch has reloaded the
    // approvals, the outcome is the same.
    insertAtStart(writer.doc, YTTRANDE, "Samtidigt ");

    await signOff.waitForStaleness(YTTRANDE, true, 1);
    expect((await signOff.section(YTTRANDE)).state).toBe("stale");
    const [event] = await signOff.audit("approval.stale");
    expect(event?.details).toMatchObject({ changedBy: [await collab.userIdOf(HANDLAGGARE_EB)] });
  });

  it("credits the staleness to the editor, not the approver, when the edit lands while the approval is written", async () => {
    const writer = await collab.connectAs(HANDLAGGARE_EB);
    const observer = await collab.connectAs(HANDLAGGARE_BOU);
    const shown = await signOff.currentHash(YTTRANDE);
    // The edit reaches the server after the approval's hash check and before its row is written.
    const gated = gateTransaction(db(), async () => {
      insertAtStart(writer.doc, YTTRANDE, "Under tiden ");
      await waitForDocs([observer.doc], () => sectionText(observer.doc, YTTRANDE).startsWith("Under tiden "));
    });
    expectOk(await approve(gated, await signOff.user(ENHETSCHEF_BOU), seed(), YTTRANDE, shown));
    expect(gated.opened).toBe(true);

    await signOff.waitForStaleness(YTTRANDE, true, 1);
    const [event] = await signOff.audit("approval.stale");
    const editorId = await collab.userIdOf(HANDLAGGARE_EB);
    expect(event?.details).toMatchObject({ changedBy: [editorId] });
    expect(event?.actor?.id).toBe(editorId);
  });
});

describe("an edit relayed from another node racing an approval", () => {
  it("is left to the node that received it: this node's check after the approval records nothing", async () => {
    const user = await signOff.user(ENHETSCHEF_BOU);
    const doc = await loadDocument(db(), seed());
    const events = inProcessStatementEvents();
    const watch = new ApprovalWatch(doc, {
      db: db(),
      logger: silentLogger,
      statementId: seed(),
      organisationId: user.organisationId,
      sectionKeys: [YTTRANDE],
      checkDelayMs: 0,
      events,
    });
    await watch.onLoad();
    await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);
    // The edit another node received is relayed here before the approval's event arrives.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(doc));
    const relayed: Uint8Array[] = [];
    elsewhere.on("update", (update: Uint8Array) => relayed.push(update));
    insertAtStart(elsewhere, YTTRANDE, "Annan nod ");
    Y.applyUpdate(doc, relayed[0] as Uint8Array, RELAYED_ORIGIN);
    events.publish({ statementId: seed(), kind: "approvals" });
    await watch.stop();

    // Had it recorded the staleness, the audit would credit nobody: the receiving node credits the editor.
    expect(await signOff.activeRows(YTTRANDE)).toMatchObject([{ staleSince: null }]);
    expect(await signOff.audit("approval.stale")).toEqual([]);
  });
});

describe("finalisation racing", () => {
  it("another finalisation: one wins, and the loser does not thaw the document", async () => {
    const writer = await collab.connectAs(HANDLAGGARE_BOU);
    const observer = await collab.connectAs(HANDLAGGARE_EB);
    await signOff.approveEverySection();
    const direktor = await signOff.user(DIREKTOR);
    // The first finalisation has frozen the document and decided; a second one finishes before it writes.
    let second: Awaited<ReturnType<typeof finalise>> | undefined;
    const gated = gateTransaction(db(), async () => {
      second = await finalise(db(), direktor, seed());
    });
    const first = await finalise(gated, direktor, seed());
    expect(gated.opened).toBe(true);
    expect(second?.ok).toBe(true);
    expect(expectRefusal(first, "conflict").error).toBe("Tjänsteutlåtandet är redan justerat");
    expect(await versionsOfSeed()).toHaveLength(1);
    await signOff.expectEditDropped(writer, observer);
  });

  it("a revocation that lands first: finalising is refused, listing the section", async () => {
    await signOff.approveEverySection();
    const chef = await signOff.user(AVDELNINGSCHEF);
    const gated = gateTransaction(db(), async () =>
      expectOk(await revoke(db(), chef, seed(), "bakgrund", "Fel siffror")),
    );
    const refused = expectRefusal(await finalise(gated, await signOff.user(DIREKTOR), seed()), "conflict");
    expect(gated.opened).toBe(true);
    expect(refused.details.sections).toEqual([expect.objectContaining({ key: "bakgrund" })]);
    expect(await statusOfSeed()).toBe("draft");
    expect(await versionsOfSeed()).toEqual([]);
    // Not frozen by the refused attempt.
    const writer = await collab.connectAs(HANDLAGGARE_BOU);
    const reader = await collab.connectAs(HANDLAGGARE_EB);
    insertAtStart(writer.doc, "bakgrund", "Rättat. ");
    await waitForDocs([reader.doc], () => sectionText(reader.doc, "bakgrund").startsWith("Rättat. "));
  });

  it("a revocation the finalisation overtakes: refused (409), the approval stays in force", async () => {
    await signOff.approveEverySection();
    const before = await signOff.approvalRows(YTTRANDE);
    const direktor = await signOff.user(DIREKTOR);
    const gated = gateTransaction(db(), async () => expectOk(await finalise(db(), direktor, seed())));
    const refused = expectRefusal(
      await revoke(gated, await signOff.user(ENHETSCHEF_BOU), seed(), YTTRANDE, null),
      "conflict",
    );
    expect(gated.opened).toBe(true);
    expect(refused.error).toMatch(/justerat/);
    expect(await statusOfSeed()).toBe("finalised");
    expect(await signOff.approvalRows(YTTRANDE)).toEqual(before);
    expect(await actionsAfterFinalisation()).toEqual([]);
  });

  it("an approval the finalisation overtakes: refused (409), nothing recorded", async () => {
    await signOff.approveEverySection();
    const hash = await signOff.currentHash(YTTRANDE);
    const before = await signOff.approvalRows(YTTRANDE);
    const direktor = await signOff.user(DIREKTOR);
    const gated = gateTransaction(db(), async () => expectOk(await finalise(db(), direktor, seed())));
    const refused = expectRefusal(
      await approve(gated, await signOff.user(ENHETSCHEF_BOU), seed(), YTTRANDE, hash),
      "conflict",
    );
    expect(gated.opened).toBe(true);
    expect(refused.error).toMatch(/justerat/);
    expect(await signOff.approvalRows(YTTRANDE)).toEqual(before);
    expect(await actionsAfterFinalisation()).toEqual([]);
  });
});
