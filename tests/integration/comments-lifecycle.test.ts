import { describe, expect, it } from "vitest";
import { removeComment, reply, updateComment } from "../../workflow/comments";
import { commentHelpers, expectRefusal } from "../support/comments";
import { collabFixture } from "../support/fixture";
import { expectOk, GRANSKARE, HANDLAGGARE_BOU, HANDLAGGARE_EB, YTTRANDE } from "../support/workflow";

const collab = collabFixture();
const h = commentHelpers(collab);

const PASSAGE = "kommunfullmäktige den 14 mars 2011";

describe("a comment thread's life", () => {
  it("takes replies and edits of one's own comments", async () => {
    const client = await collab.connectAs(GRANSKARE);
    const [granskare, bou] = [await h.user(GRANSKARE), await h.user(HANDLAGGARE_BOU)];
    const threadId = await h.startOn(client.doc, GRANSKARE, "bakgrund", PASSAGE, "Stämmer datumet?");
    const bouReply = expectOk(await reply(h.db(), bou, h.seed(), threadId, "Ja.\nDet stämmer.")).id;
    const ownReply = expectOk(await reply(h.db(), granskare, h.seed(), threadId, "Tack!")).id;
    expect((await h.thread(threadId)).replies).toEqual([
      expect.objectContaining({ id: bouReply, body: "Ja.\nDet stämmer.", editedAt: null }),
      expect.objectContaining({
        id: ownReply,
        body: "Tack!",
        author: { id: granskare.id, name: "Maria Ek" },
      }),
    ]);
    expect(await h.audit("comment.created")).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ commentId: threadId }) }),
      expect.objectContaining({
        actor: { id: bou.id, name: "Sara Lindqvist" },
        sectionKey: "bakgrund",
        details: { commentId: bouReply, threadId },
      }),
      expect.objectContaining({ details: { commentId: ownReply, threadId } }),
    ]);

    expectOk(
      await updateComment(h.db(), bou, h.seed(), bouReply, { body: "Ja, det stämmer\nmed motionen." }),
    );
    expectOk(
      await updateComment(h.db(), granskare, h.seed(), threadId, { body: "Stämmer datumet verkligen?" }),
    );
    const thread = await h.thread(threadId);
    expect(thread).toMatchObject({
      body: "Stämmer datumet verkligen?",
      editedAt: expect.any(String),
      quote: PASSAGE,
    });
    expect(thread.replies).toEqual([
      expect.objectContaining({
        id: bouReply,
        body: "Ja, det stämmer\nmed motionen.",
        author: { id: bou.id, name: "Sara Lindqvist" },
        editedAt: expect.any(String),
        deleted: false,
      }),
      expect.objectContaining({ id: ownReply, body: "Tack!", editedAt: null }),
    ]);
  });

  it("is resolved and reopened by its author or a member of the section's owning unit", async () => {
    const client = await collab.connectAs(GRANSKARE);
    const [granskare, bou, eb] = [
      await h.user(GRANSKARE),
      await h.user(HANDLAGGARE_BOU),
      await h.user(HANDLAGGARE_EB),
    ];
    const onBakgrund = await h.startOn(client.doc, GRANSKARE, "bakgrund", PASSAGE);
    const onYttrande = await h.startOn(client.doc, GRANSKARE, YTTRANDE, "Förvaltningen");

    // Bakgrund is the avdelning's; the handläggare of one of its enheter counts as a member.
    // They have written nothing in the thread, yet the listing names them.
    expectOk(await updateComment(h.db(), eb, h.seed(), onBakgrund, { resolved: true }));
    expect(await h.thread(onBakgrund)).toMatchObject({
      resolved: true,
      resolvedAt: expect.any(String),
      resolvedBy: { id: eb.id, name: "Ahmed Yilmaz" },
    });
    // Resolving a resolved thread changes nothing and records nothing.
    expectOk(await updateComment(h.db(), eb, h.seed(), onBakgrund, { resolved: true }));
    expect(await h.audit("comment.resolved")).toEqual([
      expect.objectContaining({
        actor: { id: eb.id, name: "Ahmed Yilmaz" },
        sectionKey: "bakgrund",
        details: { threadId: onBakgrund },
      }),
    ]);

    // Its author reopens it.
    expectOk(await updateComment(h.db(), granskare, h.seed(), onBakgrund, { resolved: false }));
    expect(await h.thread(onBakgrund)).toMatchObject({ resolved: false, resolvedAt: null, resolvedBy: null });
    expect(await h.audit("comment.reopened")).toEqual([
      expect.objectContaining({
        actor: { id: granskare.id, name: "Maria Ek" },
        sectionKey: "bakgrund",
        details: { threadId: onBakgrund },
      }),
    ]);

    // Yttrande is the enheter's: a handläggare of either resolves and reopens it.
    expectOk(await updateComment(h.db(), bou, h.seed(), onYttrande, { resolved: true }));
    expect((await h.thread(onYttrande)).resolvedBy).toEqual({ id: bou.id, name: "Sara Lindqvist" });
    expectOk(await updateComment(h.db(), eb, h.seed(), onYttrande, { resolved: false }));
    expect((await h.thread(onYttrande)).resolved).toBe(false);
    expect((await h.audit("comment.resolved")).map((event) => event.details)).toEqual([
      { threadId: onBakgrund },
      { threadId: onYttrande },
    ]);
    expect((await h.audit("comment.reopened")).at(-1)).toMatchObject({
      actor: { id: eb.id },
      sectionKey: YTTRANDE,
    });
  });

  it("is deleted by its author with its replies, whose bodies are then withheld", async () => {
    const client = await collab.connectAs(GRANSKARE);
    const [granskare, bou] = [await h.user(GRANSKARE), await h.user(HANDLAGGARE_BOU)];
    const threadId = await h.startOn(client.doc, GRANSKARE, "bakgrund", PASSAGE);
    const bouReply = expectOk(await reply(h.db(), bou, h.seed(), threadId, "Svar")).id;
    const ownReply = expectOk(await reply(h.db(), granskare, h.seed(), threadId, "Tillägg")).id;

    // Deleting one's own reply leaves the thread.
    expectOk(await removeComment(h.db(), granskare, h.seed(), ownReply));
    let thread = await h.thread(threadId);
    expect(thread).toMatchObject({ deleted: false, body: `Om ${PASSAGE}` });
    expect(thread.replies.map((comment) => [comment.id, comment.deleted, comment.body])).toEqual([
      [bouReply, false, "Svar"],
      [ownReply, true, ""],
    ]);

    expectOk(await removeComment(h.db(), granskare, h.seed(), threadId));
    thread = await h.thread(threadId);
    expect(thread).toMatchObject({ deleted: true, body: "", quote: PASSAGE });
    expect(thread.replies.map((comment) => [comment.id, comment.deleted, comment.body])).toEqual([
      [bouReply, true, ""],
      [ownReply, true, ""],
    ]);
    expect(await h.audit("comment.deleted")).toEqual([
      expect.objectContaining({
        actor: { id: granskare.id, name: "Maria Ek" },
        details: { commentId: ownReply, threadId },
      }),
      expect.objectContaining({ sectionKey: "bakgrund", details: { commentId: threadId, threadId: null } }),
    ]);

    // A deleted thread and its replies are gone for every action.
    expectRefusal(await reply(h.db(), bou, h.seed(), threadId, "Sent svar"), "not-found");
    expectRefusal(await updateComment(h.db(), bou, h.seed(), bouReply, { body: "Ändrat" }), "not-found");
    expectRefusal(
      await updateComment(h.db(), granskare, h.seed(), threadId, { resolved: true }),
      "not-found",
    );
    expectRefusal(await removeComment(h.db(), bou, h.seed(), bouReply), "not-found");
    expectRefusal(await removeComment(h.db(), granskare, h.seed(), threadId), "not-found");
    expect(await h.audit("comment.deleted")).toHaveLength(2);
  });
});
