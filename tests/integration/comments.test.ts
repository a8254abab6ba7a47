import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { commentPatchSchema, newThreadSchema, replySchema } from "../../contracts/comments";
import { COMMENT_BODY_MAX } from "../../domain/comments";
import { anchorPassage, encodeAnchor } from "../../editor/comment-anchors";
import { listComments, removeComment, reply, startThread, updateComment } from "../../workflow/comments";
import { passageAnchor } from "../support/anchors";
import { commentHelpers, expectRefusal } from "../support/comments";
import { collabFixture } from "../support/fixture";
import {
  AVDELNINGSCHEF,
  DIREKTOR,
  expectOk,
  GRANSKARE,
  HANDLAGGARE_BOU,
  HANDLAGGARE_EB,
  YTTRANDE,
} from "../support/workflow";

const collab = collabFixture();
const h = commentHelpers(collab);

const PASSAGE = "kommunfullmäktige den 14 mars 2011";
const YTTRANDE_PASSAGE = "Förvaltningen";

/** The messages zod gives for a value, by path. */
function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

describe("comment threads", () => {
  it("lets a read-only granskare comment on a passage; the thread lists with quote, body and author", async () => {
    const client = await collab.connectAs(GRANSKARE);
    const granskare = await h.user(GRANSKARE);
    const anchor = passageAnchor(client.doc, "bakgrund", PASSAGE);
    const input = newThreadSchema.parse({
      sectionKey: "bakgrund",
      anchor,
      quote: ` ${PASSAGE} `,
      body: "Stämmer datumet?\r\nKontrollera mot diariet.\n",
    });
    const { id } = expectOk(await startThread(h.db(), granskare, h.seed(), input));

    const threads = expectOk(await listComments(h.db(), await h.user(HANDLAGGARE_EB), h.seed())).threads;
    expect(threads).toEqual([
      expect.objectContaining({
        id,
        sectionKey: "bakgrund",
        anchor,
        quote: PASSAGE,
        body: "Stämmer datumet?\nKontrollera mot diariet.",
        author: { id: granskare.id, name: "Maria Ek" },
        editedAt: null,
        deleted: false,
        resolved: false,
        resolvedAt: null,
        resolvedBy: null,
        replies: [],
      }),
    ]);
    expect(await h.audit("comment.created")).toEqual([
      expect.objectContaining({
        sectionKey: "bakgrund",
        actor: { id: granskare.id, name: "Maria Ek" },
        details: { commentId: id, quote: PASSAGE },
      }),
    ]);
  });

  it("validates bodies, anchors and patches with readable messages", () => {
    const anchor = { start: "AAAA", end: "AAAA" };
    const thread = { sectionKey: "bakgrund", anchor, quote: PASSAGE };
    expect(issuesOf(newThreadSchema.safeParse({ ...thread, body: " \n " }))).toEqual([
      ["body", "Skriv en kommentar."],
    ]);
    expect(issuesOf(replySchema.safeParse({ body: "x".repeat(COMMENT_BODY_MAX + 1) }))).toEqual([
      ["body", "En kommentar får vara högst 5000 tecken."],
    ]);
    expect(replySchema.parse({ body: "x".repeat(COMMENT_BODY_MAX) }).body).toHaveLength(COMMENT_BODY_MAX);
    expect(
      issuesOf(
        newThreadSchema.safeParse({ ...thread, anchor: { start: "inte base64!", end: "AAAA" }, body: "x" }),
      ),
    ).toEqual([["anchor.start", "ska vara base64"]]);
    expect(
      issuesOf(newThreadSchema.safeParse({ ...thread, anchor: { start: "AAAA" }, body: "x" })),
    ).toHaveLength(1);

    expect(commentPatchSchema.parse({ body: "Ny text" })).toEqual({ body: "Ny text" });
    expect(commentPatchSchema.parse({ resolved: false })).toEqual({ resolved: false });
    expect(issuesOf(commentPatchSchema.safeParse({ body: "" }))).toEqual([["body", "Skriv en kommentar."]]);
    for (const patch of [{ body: "Ny text", resolved: true }, {}, { resolved: "ja" }, []]) {
      expect(issuesOf(commentPatchSchema.safeParse(patch)), JSON.stringify(patch)).toEqual([
        ["", "Ange antingen body (ny text) eller resolved (true eller false)"],
      ]);
    }
  });

  it("refuses threads on unknown sections and on anchors that do not point into the section (400)", async () => {
    const client = await collab.connectAs(GRANSKARE);
    const granskare = await h.user(GRANSKARE);
    const start = (sectionKey: string, anchor: { start: string; end: string }) =>
      startThread(h.db(), granskare, h.seed(), { sectionKey, anchor, quote: PASSAGE, body: "Fråga" });
    const inBakgrund = passageAnchor(client.doc, "bakgrund", PASSAGE);
    const inSammanfattning = passageAnchor(client.doc, "sammanfattning", "Vissa barn");
    // Another document with a section of the same name: its items are unknown to the statement.
    const foreignText = new Y.XmlText("annat dokument");
    new Y.Doc().getXmlFragment("bakgrund").insert(0, [foreignText]);
    const foreign = encodeAnchor(
      anchorPassage({ type: foreignText, index: 0 }, { type: foreignText, index: 5 }),
    );
    // Positions that name a top-level type: another section, or none the statement has.
    const naming = (name: string) => {
      const position = Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment(name), 0);
      return encodeAnchor({ start: position, end: position });
    };

    expect(expectRefusal(await start("finns-inte", inBakgrund), "invalid")).toBe(
      'Avsnittet "finns-inte" finns inte i tjänsteutlåtandet',
    );
    for (const anchor of [
      inSammanfattning,
      { start: inBakgrund.start, end: inSammanfattning.end },
      { start: "AAAA", end: "AAAA" },
      { start: "inte base64!", end: inBakgrund.end },
      foreign,
      naming("sammanfattning"),
      naming("finns-inte"),
    ]) {
      expect(expectRefusal(await start("bakgrund", anchor), "invalid"), JSON.stringify(anchor)).toBe(
        "Kommentarens förankring (anchor.start/anchor.end) pekar inte in i avsnittet",
      );
    }
    expect(expectOk(await start("sammanfattning", inSammanfattning)).id).toBeTruthy();
    expect((await h.threads()).map((thread) => thread.sectionKey)).toEqual(["sammanfattning"]);
    expect(await h.audit("comment.created")).toHaveLength(1);
  });

  it("refuses what the user may not do (403) and comments that are not there (404)", async () => {
    const client = await collab.connectAs(GRANSKARE);
    const granskare = await h.user(GRANSKARE);
    const onBakgrund = await h.startOn(client.doc, GRANSKARE, "bakgrund", PASSAGE);
    const onYttrande = await h.startOn(client.doc, GRANSKARE, YTTRANDE, YTTRANDE_PASSAGE);
    const bou = await h.user(HANDLAGGARE_BOU);
    const replyId = expectOk(await reply(h.db(), bou, h.seed(), onBakgrund, "Svar")).id;

    // Only the author edits or deletes a comment.
    expect(
      expectRefusal(await updateComment(h.db(), bou, h.seed(), onBakgrund, { body: "Ändrad" }), "forbidden"),
    ).toBe("Du kan bara ändra dina egna kommentarer");
    expect(
      expectRefusal(await updateComment(h.db(), granskare, h.seed(), replyId, { body: "x" }), "forbidden"),
    ).toBe("Du kan bara ändra dina egna kommentarer");
    expect(expectRefusal(await removeComment(h.db(), bou, h.seed(), onBakgrund), "forbidden")).toBe(
      "Du kan bara ta bort dina egna kommentarer",
    );
    expect(await removeComment(h.db(), granskare, h.seed(), replyId)).toMatchObject({
      ok: false,
      kind: "forbidden",
    });

    // Yttrande is owned by the two enheter: the avdelningschef is no member of them, nor is the direktör.
    const avdelningschef = await h.user(AVDELNINGSCHEF);
    expect(avdelningschef.memberOfUnitIds).toHaveLength(1); // the avdelning only
    for (const outsider of [avdelningschef, await h.user(DIREKTOR)]) {
      expect(
        expectRefusal(
          await updateComment(h.db(), outsider, h.seed(), onYttrande, { resolved: true }),
          "forbidden",
        ),
      ).toBe("Tråden kan lösas av den som startade den eller av avsnittets ansvariga enhet");
    }
    // Bakgrund is the avdelning's: the direktör, in no unit, may not resolve it either.
    await expect(
      updateComment(h.db(), await h.user(DIREKTOR), h.seed(), onBakgrund, { resolved: true }),
    ).resolves.toMatchObject({
      ok: false,
      kind: "forbidden",
    });
    // A reply is not a thread: it is neither resolved nor replied to.
    expect(
      expectRefusal(await updateComment(h.db(), bou, h.seed(), replyId, { resolved: true }), "invalid"),
    ).toMatch(/tråden/);
    expect(expectRefusal(await reply(h.db(), bou, h.seed(), replyId, "Svar på svar"), "invalid")).toMatch(
      /trådens första/,
    );
    expect((await h.thread(onYttrande)).resolved).toBe(false);
    expect(await h.audit("comment.resolved")).toEqual([]);

    // Unknown ids, and comments of another statement, are 404.
    const unknown = crypto.randomUUID();
    const other = await h.newStatement();
    for (const [statementId, commentId] of [
      [h.seed(), unknown],
      [other, onBakgrund],
    ] as const) {
      expectRefusal(await reply(h.db(), bou, statementId, commentId, "Svar"), "not-found");
      expectRefusal(
        await updateComment(h.db(), granskare, statementId, commentId, { body: "x" }),
        "not-found",
      );
      expectRefusal(
        await updateComment(h.db(), bou, statementId, commentId, { resolved: true }),
        "not-found",
      );
      expectRefusal(await removeComment(h.db(), granskare, statementId, commentId), "not-found");
    }
    expectRefusal(await listComments(h.db(), granskare, unknown), "not-found");

    // A user of another organisation sees nothing and comments on nothing.
    const outsider = await h.outsider();
    const anchor = passageAnchor(client.doc, "bakgrund", PASSAGE);
    expectRefusal(await listComments(h.db(), outsider, h.seed()), "forbidden");
    const input = { sectionKey: "bakgrund", anchor, quote: PASSAGE, body: "Hej" };
    expectRefusal(await startThread(h.db(), outsider, h.seed(), input), "forbidden");
    expectRefusal(await reply(h.db(), outsider, h.seed(), onBakgrund, "Hej"), "forbidden");
    expect((await h.threads()).map((thread) => thread.id)).toEqual([onBakgrund, onYttrande]);
  });
});
