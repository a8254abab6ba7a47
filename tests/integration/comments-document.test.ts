import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sectionApprovals, sections } from "../../db/schema";
import { TJANSTEUTLATANDE_TEMPLATE } from "../../domain/template";
import { listComments, removeComment, reply, startThread, updateComment } from "../../workflow/comments";
import { approve, finalise } from "../../workflow/sign-off";
import { anchoredText, findPassage, passageAnchor } from "../support/anchors";
import { waitForDocs } from "../support/clients";
import { commentHelpers, expectRefusal } from "../support/comments";
import { sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import {
  AVDELNINGSCHEF,
  DIREKTOR,
  ENHETSCHEF_BOU,
  ENHETSCHEF_EB,
  expectOk,
  GRANSKARE,
  HANDLAGGARE_BOU,
  HANDLAGGARE_EB,
  YTTRANDE,
} from "../support/workflow";

const collab = collabFixture();
const h = commentHelpers(collab);

const KEPT = "kommunfullmäktige den 14 mars 2011";
const DELETED = "Jobbtorget i Vällingby";

describe("comments and the live document", () => {
  it("anchors follow their passage through other users' edits, and collapse when it is deleted", async () => {
    const granskare = await collab.connectAs(GRANSKARE);
    const kept = await h.startOn(granskare.doc, GRANSKARE, "bakgrund", KEPT);
    const deleted = await h.startOn(granskare.doc, GRANSKARE, "sammanfattning", DELETED);

    // One handläggare types right after, inside and right before the passage; another deletes the other passage.
    const bou = await collab.connectAs(HANDLAGGARE_BOU);
    const chef = await collab.connectAs(AVDELNINGSCHEF);
    const at = findPassage(bou.doc, "bakgrund", KEPT);
    bou.doc.transact(() => {
      at.text.insert(at.index + KEPT.length, " (dnr 2011:24)");
      at.text.insert(at.index + "kommunfullmäktige".length, " i Stockholm");
      at.text.insert(at.index, "stadens ");
    });
    const gone = findPassage(chef.doc, "sammanfattning", DELETED);
    gone.text.delete(gone.index, DELETED.length);
    const edited = "stadens kommunfullmäktige i Stockholm den 14 mars 2011 (dnr 2011:24)";
    const converged = (doc: typeof bou.doc) =>
      sectionText(doc, "bakgrund").includes(edited) && !sectionText(doc, "sammanfattning").includes(DELETED);
    await waitForDocs([bou.doc, chef.doc, granskare.doc], () =>
      [bou, chef, granskare].every((c) => converged(c.doc)),
    );

    // A client that opens the statement now finds each stored anchor where the words went.
    const fresh = await collab.connectAs(ENHETSCHEF_BOU);
    expect(converged(fresh.doc)).toBe(true);
    const threads = await h.threads();
    const stored = (id: string) => {
      const thread = threads.find((candidate) => candidate.id === id);
      if (!thread) throw new Error(`No thread ${id}`);
      return thread;
    };
    expect(anchoredText(fresh.doc, "bakgrund", stored(kept).anchor)).toBe(
      "kommunfullmäktige i Stockholm den 14 mars 2011",
    );
    expect(anchoredText(fresh.doc, "sammanfattning", stored(deleted).anchor)).toBe("");
    expect(anchoredText(granskare.doc, "bakgrund", stored(kept).anchor)).toBe(
      "kommunfullmäktige i Stockholm den 14 mars 2011",
    );
    // Both threads keep the words they were made on.
    expect([stored(kept).quote, stored(deleted).quote]).toEqual([KEPT, DELETED]);
    // The server still accepts a new thread next to the detached one.
    const again = passageAnchor(fresh.doc, "sammanfattning", "Vissa barn");
    const input = { sectionKey: "sammanfattning", anchor: again, quote: "Vissa barn", body: "Ny" };
    expectOk(await startThread(h.db(), await h.user(GRANSKARE), h.seed(), input));
  });

  it("records on an approval how many of the section's threads were open", async () => {
    const client = await collab.connectAs(GRANSKARE);
    const bou = await h.user(HANDLAGGARE_BOU);
    const open = [
      await h.startOn(client.doc, GRANSKARE, "bakgrund", KEPT),
      await h.startOn(client.doc, HANDLAGGARE_EB, "bakgrund", "Måns Almqvist"),
    ];
    const resolved = await h.startOn(client.doc, GRANSKARE, "bakgrund", "Karin Rågsjö");
    expectOk(await updateComment(h.db(), bou, h.seed(), resolved, { resolved: true }));
    const deleted = await h.startOn(client.doc, HANDLAGGARE_BOU, "bakgrund", "tvärsektoriell");
    expectOk(await removeComment(h.db(), bou, h.seed(), deleted));
    await h.startOn(client.doc, GRANSKARE, "sammanfattning", DELETED);
    for (const id of open) expectOk(await reply(h.db(), bou, h.seed(), id, "Ett svar är ingen ny tråd"));

    const hash = await h.currentHash(h.seed(), "bakgrund");
    const { approvalIds } = expectOk(
      await approve(h.db(), await h.user(AVDELNINGSCHEF), h.seed(), "bakgrund", hash),
    );
    const rows = await h
      .db()
      .select({ id: sectionApprovals.id, openThreads: sectionApprovals.openThreads })
      .from(sectionApprovals)
      .innerJoin(sections, eq(sections.id, sectionApprovals.sectionId))
      .where(and(eq(sections.statementId, h.seed()), eq(sections.key, "bakgrund")));
    expect(rows).toEqual(approvalIds.map((id) => ({ id, openThreads: 2 })));
  });

  it("answers 409 to every change of comments on a finalised statement, which still lists them", async () => {
    const statementId = await h.newStatement();
    const client = await h.connectTo(statementId, GRANSKARE);
    const proposal = "Stadsdelsnämnden beslutar";
    const threadId = await h.startOn(
      client.doc,
      GRANSKARE,
      "forslag-till-beslut",
      proposal,
      "Fråga",
      statementId,
    );
    const [granskare, bou] = [await h.user(GRANSKARE), await h.user(HANDLAGGARE_BOU)];
    const replyId = expectOk(await reply(h.db(), bou, statementId, threadId, "Svar")).id;

    for (const { key } of TJANSTEUTLATANDE_TEMPLATE) {
      const approvers = key === YTTRANDE ? [ENHETSCHEF_BOU, ENHETSCHEF_EB] : [AVDELNINGSCHEF];
      for (const email of approvers) {
        const hash = await h.currentHash(statementId, key);
        expectOk(await approve(h.db(), await h.user(email), statementId, key, hash));
      }
    }
    expectOk(await finalise(h.db(), await h.user(DIREKTOR), statementId));

    const anchor = passageAnchor(client.doc, "forslag-till-beslut", "åberopa");
    const input = { sectionKey: "forslag-till-beslut", anchor, quote: "åberopa", body: "Sent" };
    const finalised = /justerat/;
    expect(expectRefusal(await startThread(h.db(), granskare, statementId, input), "conflict")).toMatch(
      finalised,
    );
    expect(expectRefusal(await reply(h.db(), bou, statementId, threadId, "Sent"), "conflict")).toMatch(
      finalised,
    );
    for (const patch of [{ body: "Ändrat" }, { resolved: true }]) {
      expectRefusal(await updateComment(h.db(), granskare, statementId, threadId, patch), "conflict");
    }
    expectRefusal(await updateComment(h.db(), bou, statementId, replyId, { body: "Ändrat" }), "conflict");
    expectRefusal(await removeComment(h.db(), bou, statementId, replyId), "conflict");
    expectRefusal(await removeComment(h.db(), granskare, statementId, threadId), "conflict");

    const { threads } = expectOk(await listComments(h.db(), bou, statementId));
    expect(threads).toEqual([
      expect.objectContaining({
        id: threadId,
        body: "Fråga",
        quote: proposal,
        resolved: false,
        replies: [expect.objectContaining({ id: replyId, body: "Svar", editedAt: null, deleted: false })],
      }),
    ]);
    expect(await h.audit("comment.created", statementId)).toHaveLength(2);
  });
});
