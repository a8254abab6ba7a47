import { describe, expect, it, vi } from "vitest";
import { appendUpdates } from "../../db/queries/documents";
import { loadDocument } from "../../server/collab/document-store";
import { approve, revoke } from "../../workflow/sign-off";
import { insertAtStart, paragraphText, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { signOffHelpers } from "../support/sign-off";
import { WAIT } from "../support/wait";
import {
  ENHETSCHEF_BOU,
  ENHETSCHEF_EB,
  expectOk,
  expectRefusal,
  GRANSKARE,
  HANDLAGGARE_BOU,
  HANDLAGGARE_EB,
  YTTRANDE,
} from "../support/workflow";

const collab = collabFixture();
const signOff = signOffHelpers(collab);
const { db, seed } = signOff;

const OTHER_HASH = `sha256:${"0".repeat(64)}`;
const BOTH_ENHETSCHEFER =
  /enhetschef för Barn- och ungdomsenheten och enhetschef för Enheten för ekonomiskt bistånd/;

describe("approving a section", () => {
  it("takes the current hash (201): Förvaltningens yttrande is partly approved, then approved by both enhetschefer", async () => {
    const before = await signOff.section(YTTRANDE);
    expect(before.state).toBe("open");
    expect(before.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(before.requiredApprovals.map((requirement) => requirement.label)).toEqual([
      "enhetschef för Barn- och ungdomsenheten",
      "enhetschef för Enheten för ekonomiskt bistånd",
    ]);

    const chefBou = await signOff.user(ENHETSCHEF_BOU);
    const granted = expectOk(await approve(db(), chefBou, seed(), YTTRANDE, before.contentHash));
    expect(granted).toEqual({ approvalIds: [expect.any(String)], contentHash: before.contentHash });
    const partly = await signOff.section(YTTRANDE);
    expect(partly.state).toBe("partly-approved");
    expect(partly.approvals).toEqual([
      expect.objectContaining({
        approver: { id: chefBou.id, name: "Johan Berg" },
        role: "enhetschef",
        contentHash: before.contentHash,
        fresh: true,
        staleSince: null,
      }),
    ]);

    const chefEb = await signOff.user(ENHETSCHEF_EB);
    expectOk(await approve(db(), chefEb, seed(), YTTRANDE, before.contentHash));
    const approved = await signOff.section(YTTRANDE);
    expect(approved.state).toBe("approved");
    expect(approved.approvals.map((approval) => approval.approver.name).sort()).toEqual([
      "Elin Nordström",
      "Johan Berg",
    ]);

    // Stored with the approved content itself, bound to the hash.
    const rows = await signOff.activeRows(YTTRANDE);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.contentHash).toBe(before.contentHash);
      expect(row.approvedText).toMatch(/^Segregeringen i Hässelby-Vällingby har ökat/);
      expect(row.approvedContent).toMatchObject({ type: "doc" });
    }
    const audited = await signOff.audit("approval.granted");
    expect(audited.map((event) => [event.actor?.id, event.sectionKey, event.details.contentHash])).toEqual([
      [chefBou.id, YTTRANDE, before.contentHash],
      [chefEb.id, YTTRANDE, before.contentHash],
    ]);
  });

  it("refuses (403) anyone whose roles the section does not name, saying which role is needed", async () => {
    const hash = await signOff.currentHash(YTTRANDE);
    for (const email of [HANDLAGGARE_BOU, GRANSKARE]) {
      const refusal = expectRefusal(
        await approve(db(), await signOff.user(email), seed(), YTTRANDE, hash),
        "forbidden",
      );
      expect(refusal.error).toMatch(BOTH_ENHETSCHEFER);
    }
    const bakgrund = await signOff.currentHash("bakgrund");
    for (const email of [ENHETSCHEF_BOU, GRANSKARE]) {
      const refusal = expectRefusal(
        await approve(db(), await signOff.user(email), seed(), "bakgrund", bakgrund),
        "forbidden",
      );
      expect(refusal.error).toBe("Avsnittet godkänns av avdelningschef för Socialtjänstavdelningen.");
    }

    // An enhetschef of an enhet that did not prepare the statement.
    const bouOnly = await signOff.statementPreparedBy(["Barn- och ungdomsenheten"]);
    const bouOnlyHash = await signOff.currentHash(YTTRANDE, bouOnly);
    const wrongUnit = expectRefusal(
      await approve(db(), await signOff.user(ENHETSCHEF_EB), bouOnly, YTTRANDE, bouOnlyHash),
      "forbidden",
    );
    expect(wrongUnit.error).toBe("Avsnittet godkänns av enhetschef för Barn- och ungdomsenheten.");

    expect(await signOff.approvalRows(YTTRANDE)).toEqual([]);
    expect(await signOff.approvalRows(YTTRANDE, bouOnly)).toEqual([]);
    expect(await signOff.audit("approval.granted")).toEqual([]);
  });

  it("refuses (409) a hash other than the current one, naming the current hash", async () => {
    const chefBou = await signOff.user(ENHETSCHEF_BOU);
    const shown = await signOff.currentHash(YTTRANDE);
    const wrong = expectRefusal(await approve(db(), chefBou, seed(), YTTRANDE, OTHER_HASH), "conflict");
    expect(wrong.details).toEqual({ currentHash: shown });

    // The chef read the text, then someone changed it: the hash the chef saw is outdated.
    const writer = await collab.connectAs(HANDLAGGARE_EB);
    insertAtStart(writer.doc, YTTRANDE, "Nytt: ");
    await vi.waitFor(async () => expect(await signOff.currentHash(YTTRANDE)).not.toBe(shown), WAIT);
    const outdated = expectRefusal(await approve(db(), chefBou, seed(), YTTRANDE, shown), "conflict");
    expect(outdated.details).toEqual({ currentHash: await signOff.currentHash(YTTRANDE) });
    expect(outdated.error).toMatch(/ändrats/);
    expect(await signOff.approvalRows(YTTRANDE)).toEqual([]);
  });
});

describe("stale on change", () => {
  it("marks approvals stale when a client edits, audited with the editor, and fresh again when the text is restored", async () => {
    const writer = await collab.connectAs(HANDLAGGARE_EB);
    const approvedHash = await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);
    await signOff.approveNow(ENHETSCHEF_EB, YTTRANDE);
    const approvedText = sectionText(writer.doc, YTTRANDE);

    insertAtStart(writer.doc, YTTRANDE, "Ändrat ");
    const stale = await signOff.waitForStaleness(YTTRANDE, true, 2);
    expect(stale.every((row) => row.contentHash === approvedHash)).toBe(true);
    const editorId = await collab.userIdOf(HANDLAGGARE_EB);
    const [staleEvent, ...moreStale] = await signOff.audit("approval.stale");
    expect(moreStale).toEqual([]);
    expect(staleEvent).toMatchObject({ sectionKey: YTTRANDE, actor: { id: editorId, name: "Ahmed Yilmaz" } });
    expect(staleEvent?.details).toMatchObject({ changedBy: [editorId] });
    const staleSection = await signOff.section(YTTRANDE);
    expect(staleSection.state).toBe("stale");
    expect(staleSection.contentHash).not.toBe(approvedHash);
    expect(staleSection.approvals.map((approval) => approval.fresh)).toEqual([false, false]);

    // Reverting to exactly the approved text makes the same approvals fresh again.
    paragraphText(writer.doc, YTTRANDE).delete(0, "Ändrat ".length);
    expect(sectionText(writer.doc, YTTRANDE)).toBe(approvedText);
    const fresh = await signOff.waitForStaleness(YTTRANDE, false, 2);
    expect(fresh.map((row) => row.id).sort()).toEqual(stale.map((row) => row.id).sort());
    const [freshEvent] = await signOff.audit("approval.fresh");
    expect(freshEvent).toMatchObject({ sectionKey: YTTRANDE, actor: { id: editorId } });
    const restored = await signOff.section(YTTRANDE);
    expect(restored).toMatchObject({ state: "approved", contentHash: approvedHash });
  });

  it("re-approval supersedes the stale approval: one in force per requirement, the old one kept", async () => {
    const writer = await collab.connectAs(HANDLAGGARE_EB);
    const firstHash = await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);
    const [first] = await signOff.activeRows(YTTRANDE);
    insertAtStart(writer.doc, YTTRANDE, "Omskrivet ");
    await signOff.waitForStaleness(YTTRANDE, true, 1);

    const secondHash = await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);
    expect(secondHash).not.toBe(firstHash);
    const rows = await signOff.approvalRows(YTTRANDE);
    expect(rows).toHaveLength(2);
    const old = rows.find((row) => row.id === first?.id);
    const current = rows.find((row) => row.id !== first?.id);
    expect(old).toMatchObject({ endReason: "superseded", endedBy: await collab.userIdOf(ENHETSCHEF_BOU) });
    expect(old?.endedAt).toBeInstanceOf(Date);
    expect(current).toMatchObject({ contentHash: secondHash, endedAt: null, staleSince: null });
    expect(await signOff.activeCountsByRequirement(YTTRANDE)).toEqual([1]);
    expect((await signOff.section(YTTRANDE)).state).toBe("partly-approved");
  });
});

describe("stale after a restart", () => {
  it("marks an approval stale when its section changed in the update log without a check (a crash), crediting nobody", async () => {
    const shown = await signOff.currentHash(YTTRANDE);
    expectOk(await approve(db(), await signOff.user(ENHETSCHEF_BOU), seed(), YTTRANDE, shown));
    await collab.restartServer();
    // What a crash leaves: an edit in the update log whose staleness check never ran.
    const stored = await loadDocument(db(), seed());
    const edits: Uint8Array[] = [];
    stored.on("update", (update: Uint8Array) => edits.push(update));
    insertAtStart(stored, YTTRANDE, "Efter omstarten ");
    await appendUpdates(
      db(),
      edits.map((update) => ({ statementId: seed(), authorId: null, update })),
    );
    expect((await signOff.activeRows(YTTRANDE)).every((row) => row.staleSince === null)).toBe(true);

    await collab.connectAs(HANDLAGGARE_BOU);
    await signOff.waitForStaleness(YTTRANDE, true, 1);
    const [event] = await signOff.audit("approval.stale");
    expect(event?.details).toMatchObject({ changedBy: [] });
    expect(event?.actor).toBeNull();
  });
});

describe("revoking", () => {
  it("revokes one's own approval (audited), and answers 404 when there is none", async () => {
    await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);
    const chefEb = await signOff.user(ENHETSCHEF_EB);
    // Another chef's approval is not theirs to revoke.
    expectRefusal(await revoke(db(), chefEb, seed(), YTTRANDE, null), "not-found");
    expect(await signOff.activeRows(YTTRANDE)).toHaveLength(1);

    const chefBou = await signOff.user(ENHETSCHEF_BOU);
    expect(expectOk(await revoke(db(), chefBou, seed(), YTTRANDE, "Fel version"))).toEqual({ revoked: 1 });
    const [row] = await signOff.approvalRows(YTTRANDE);
    expect(row).toMatchObject({ endReason: "revoked", endedBy: chefBou.id, revokeReason: "Fel version" });
    expect((await signOff.section(YTTRANDE)).state).toBe("open");
    const [event] = await signOff.audit("approval.revoked");
    expect(event).toMatchObject({
      actor: { id: chefBou.id },
      sectionKey: YTTRANDE,
      details: { reason: "Fel version" },
    });

    const again = expectRefusal(await revoke(db(), chefBou, seed(), YTTRANDE, null), "not-found");
    expect(again.error).toMatch(/inget godkännande/);
    expect(await signOff.audit("approval.revoked")).toHaveLength(1);
  });
});
