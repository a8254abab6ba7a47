import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { loadVersionDoc } from "../../db/queries/versions";
import { documentSnapshots, statements, statementVersions } from "../../db/schema";
import {
  authorship,
  diffVersions,
  nameVersion,
  restoreSection,
  versionDetail,
  versionsOf,
} from "../../workflow/versions";
import { insertAtStart, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { signOffHelpers } from "../support/sign-off";
import { WAIT } from "../support/wait";
import {
  ENHETSCHEF_BOU,
  expectOk,
  expectRefusal,
  GRANSKARE,
  HANDLAGGARE_BOU,
  HANDLAGGARE_EB,
  YTTRANDE,
} from "../support/workflow";

/** The last update the stored snapshot includes: above 0 once the log has been compacted. */
async function compactedUpTo(db: Database, statementId: string): Promise<number> {
  const [snapshot] = await db
    .select()
    .from(documentSnapshots)
    .where(eq(documentSnapshots.statementId, statementId));
  return snapshot?.lastUpdateId ?? 0;
}

describe("version history", () => {
  const collab = collabFixture({ COLLAB_COMPACT_EVERY: "3" });
  const signOff = signOffHelpers(collab);
  const { db, seed } = signOff;

  /** Types at the start of the section and waits until the server's document has it. */
  async function type(doc: Parameters<typeof insertAtStart>[0], text: string) {
    const before = await signOff.currentHash(YTTRANDE);
    insertAtStart(doc, YTTRANDE, text);
    await vi.waitFor(async () => expect(await signOff.currentHash(YTTRANDE)).not.toBe(before), WAIT);
  }

  async function listedKinds() {
    const { versions } = expectOk(await versionsOf(db(), await signOff.user(HANDLAGGARE_EB), seed()));
    // The unload at restart keeps a quiet-spell version of its own.
    return versions
      .filter((version) => version.kind !== "quiet")
      .map((version) => [version.kind, version.name]);
  }

  async function yttrande(versionId: string) {
    const detail = expectOk(await versionDetail(db(), await signOff.user(GRANSKARE), seed(), versionId));
    const section = detail.sections.find((candidate) => candidate.key === YTTRANDE);
    if (!section) throw new Error("No yttrande in the version");
    return section;
  }

  it("keeps the approved and the named text, diffs to now, and restores live, across compaction and restart", async () => {
    const writer = await collab.connectAs(HANDLAGGARE_BOU);
    const reader = await collab.connectAs(HANDLAGGARE_EB);
    const drafter = await signOff.user(HANDLAGGARE_BOU);

    await type(writer.doc, "Alfa först. ");
    await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);
    const [approval] = await signOff.activeRows(YTTRANDE);
    if (!approval) throw new Error("Not approved");
    await type(writer.doc, "Beta sedan. ");
    const named = expectOk(await nameVersion(db(), drafter, seed(), { name: "Skickad till avdelningschef" }));
    await type(writer.doc, "Gamma sist. ");
    await signOff.waitForStaleness(YTTRANDE, true, 1);

    const { versions } = expectOk(await versionsOf(db(), drafter, seed()));
    expect(versions.map((version) => [version.kind, version.name])).toEqual([
      ["named", "Skickad till avdelningschef"],
      ["approval", null],
    ]);
    const approvalVersion = versions[1];
    if (!approvalVersion) throw new Error("No approval version");
    expect(approvalVersion.createdBy?.id).toBe(approval.approverId);

    const check = async () => {
      const approved = await yttrande(approvalVersion.id);
      expect(approved.text).toBe(approval.approvedText);
      expect(approved.contentHash).toBe(approval.contentHash);
      expect(approved.text.startsWith("Alfa först. Segregeringen")).toBe(true);
    };
    await check();

    const diff = expectOk(await diffVersions(db(), drafter, seed(), named.id, "current"));
    const changed = diff.sections.filter((section) => section.changed);
    expect(changed.map((section) => section.key)).toEqual([YTTRANDE]);
    expect(changed[0]?.parts.filter((part) => part.kind !== "same")).toEqual([
      { kind: "added", text: "Gamma sist. " },
    ]);
    // Only the first paragraph changed: the rest of the section is collapsed.
    expect(changed[0]?.paragraphs.map((paragraph) => paragraph.kind)).toEqual([
      "changed",
      "context",
      "collapsed",
    ]);

    // The periodic compaction ran while typing: the versions are untouched by it.
    await collab.server.collab.flush();
    await vi.waitFor(async () => expect(await compactedUpTo(db(), seed())).toBeGreaterThan(0), WAIT);
    await check();

    // Restoring the approval's text is seen live and makes the approval fresh again.
    expectOk(await restoreSection(db(), drafter, seed(), YTTRANDE, approvalVersion.id));
    await vi.waitFor(() => expect(sectionText(reader.doc, YTTRANDE)).toBe(approval.approvedText), WAIT);
    await signOff.waitForStaleness(YTTRANDE, false, 1);
    expect((await signOff.section(YTTRANDE)).approvals[0]?.fresh).toBe(true);
    expect(
      (await signOff.audit("section.restored")).map((event) => [event.actor?.id, event.sectionKey]),
    ).toEqual([[drafter.id, YTTRANDE]]);

    // Restoring another text makes it stale: fresh iff the text is the approved one.
    expectOk(await restoreSection(db(), drafter, seed(), YTTRANDE, named.id));
    await vi.waitFor(
      () => expect(sectionText(reader.doc, YTTRANDE).startsWith("Beta sedan. Alfa först. ")).toBe(true),
      WAIT,
    );
    await signOff.waitForStaleness(YTTRANDE, true, 1);

    writer.destroy();
    reader.destroy();
    await collab.restartServer();
    expect(await listedKinds()).toEqual([
      ["named", "Skickad till avdelningschef"],
      ["approval", null],
    ]);
    await check();
    const after = await collab.connectAs(HANDLAGGARE_EB);
    expectOk(await restoreSection(db(), drafter, seed(), YTTRANDE, approvalVersion.id));
    await vi.waitFor(() => expect(sectionText(after.doc, YTTRANDE)).toBe(approval.approvedText), WAIT);
    await signOff.waitForStaleness(YTTRANDE, false, 1);
    const toNow = expectOk(await diffVersions(db(), drafter, seed(), approvalVersion.id, "current"));
    expect(toNow.sections.filter((section) => section.changed)).toEqual([]);

    // The named version's state is a diff against the approval's; every version's rebuilt state
    // holds the text the version froze.
    const [namedRow] = await db()
      .select({ base: statementVersions.baseVersionId })
      .from(statementVersions)
      .where(eq(statementVersions.id, named.id));
    expect(namedRow?.base).toBe(approvalVersion.id);
    for (const version of expectOk(await versionsOf(db(), drafter, seed())).versions) {
      const rebuilt = await loadVersionDoc(db(), seed(), version.id);
      if (!rebuilt) throw new Error(`Version ${version.id} not rebuilt`);
      expect(sectionText(rebuilt, YTTRANDE)).toBe((await yttrande(version.id)).text);
    }
  });

  it("refuses: 403 without edit rights, 404 unknown version or section, 409 after justering", async () => {
    const drafter = await signOff.user(HANDLAGGARE_BOU);
    const named = expectOk(await nameVersion(db(), drafter, seed(), { name: "Före MBL" }));
    const granskare = await signOff.user(GRANSKARE);
    expectRefusal(await nameVersion(db(), granskare, seed(), { name: "Nej" }), "forbidden");
    expectRefusal(await restoreSection(db(), granskare, seed(), YTTRANDE, named.id), "forbidden");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      expectRefusal(await restoreSection(db(), drafter, seed(), YTTRANDE, unknown), "not-found").error,
    ).toBe("Versionen finns inte");
    expectRefusal(await restoreSection(db(), drafter, seed(), "finns-inte", named.id), "not-found");
    expectRefusal(await versionDetail(db(), drafter, seed(), unknown), "not-found");
    expectRefusal(await diffVersions(db(), drafter, seed(), named.id, unknown), "not-found");

    await db().update(statements).set({ status: "finalised" }).where(eq(statements.id, seed()));
    expect(
      expectRefusal(await restoreSection(db(), drafter, seed(), YTTRANDE, named.id), "conflict").error,
    ).toMatch(/justerat/);
    expectRefusal(await nameVersion(db(), drafter, seed(), { name: "Efter" }), "conflict");
  });
});

describe("versions after a quiet spell", () => {
  const collab = collabFixture({ COLLAB_VERSION_QUIET_MS: "50", COLLAB_VERSION_INTERVAL_MS: "600000" });
  const signOff = signOffHelpers(collab);

  it("keeps one after editing pauses, and no second one within the interval", async () => {
    const writer = await collab.connectAs(HANDLAGGARE_BOU);
    const drafter = await signOff.user(HANDLAGGARE_BOU);
    const quiet = async () =>
      expectOk(await versionsOf(signOff.db(), drafter, signOff.seed())).versions.filter(
        (version) => version.kind === "quiet",
      );
    insertAtStart(writer.doc, YTTRANDE, "Första. ");
    await vi.waitFor(async () => expect(await quiet()).toHaveLength(1), WAIT);
    const [first] = await quiet();
    expect(first?.createdBy?.id).toBe(drafter.id);
    const detail = expectOk(await versionDetail(signOff.db(), drafter, signOff.seed(), first?.id ?? ""));
    expect(detail.sections.find((section) => section.key === YTTRANDE)?.text).toMatch(/^Första\. /);

    insertAtStart(writer.doc, YTTRANDE, "Andra. ");
    await vi.waitFor(
      async () =>
        expect((await signOff.section(YTTRANDE)).contentHash).not.toBe(
          detail.sections.find((s) => s.key === YTTRANDE)?.contentHash,
        ),
      WAIT,
    );
    // Unload (the last client leaves) would take one if the interval allowed it.
    writer.destroy();
    await vi.waitFor(() => expect(collab.server.collab.loadedRooms).toBe(0), WAIT);
    expect(await quiet()).toHaveLength(1);
  });
});

describe("authorship", () => {
  const collab = collabFixture({ COLLAB_COMPACT_EVERY: "3" });
  const signOff = signOffHelpers(collab);

  function appendParagraph(doc: Y.Doc, text: string) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment(YTTRANDE);
    fragment.insert(fragment.length, [paragraph]);
  }

  it("attributes each paragraph to who wrote it, after compaction and restart", async () => {
    const bou = await collab.connectAs(HANDLAGGARE_BOU);
    const eb = await collab.connectAs(HANDLAGGARE_EB);
    const reader = await signOff.user(GRANSKARE);
    const written = [
      [bou, "Första stycket av Bou."],
      [eb, "Andra stycket av Eb."],
      [bou, "Tredje stycket av Bou."],
      [eb, "Fjärde stycket av Eb."],
    ] as const;
    for (const [client, text] of written) {
      appendParagraph(client.doc, text);
      await vi.waitFor(() => expect(sectionText(bou.doc, YTTRANDE)).toContain(text), WAIT);
      await vi.waitFor(() => expect(sectionText(eb.doc, YTTRANDE)).toContain(text), WAIT);
    }
    const names = {
      bou: (await signOff.user(HANDLAGGARE_BOU)).id,
      eb: (await signOff.user(HANDLAGGARE_EB)).id,
    };
    const expected = [
      ["Första stycket av Bou.", [names.bou]],
      ["Andra stycket av Eb.", [names.eb]],
      ["Tredje stycket av Bou.", [names.bou]],
      ["Fjärde stycket av Eb.", [names.eb]],
    ];
    const attributed = async () => {
      const value = expectOk(await authorship(signOff.db(), reader, signOff.seed()));
      const section = value.sections.find((candidate) => candidate.key === YTTRANDE);
      return (section?.paragraphs ?? [])
        .slice(-4)
        .map((paragraph) => [paragraph.text, paragraph.authors.map((author) => author.id)]);
    };
    await vi.waitFor(async () => expect(await attributed()).toEqual(expected), WAIT);
    const value = expectOk(await authorship(signOff.db(), reader, signOff.seed()));
    const writers = value.sections.flatMap((section) => section.paragraphs.flatMap((p) => p.authors));
    expect(new Set(writers.map((author) => `${author.name}, ${author.unit}`))).toEqual(
      new Set(["Sara Lindqvist, Barn- och ungdomsenheten", "Ahmed Yilmaz, Enheten för ekonomiskt bistånd"]),
    );
    expect(writers.every((author) => /^#[0-9a-f]{6}$/.test(author.color))).toBe(true);

    // The update log was compacted while typing (every 3 updates): the attribution outlives it.
    await collab.server.collab.flush();
    await vi.waitFor(
      async () => expect(await compactedUpTo(signOff.db(), signOff.seed())).toBeGreaterThan(0),
      WAIT,
    );
    await vi.waitFor(async () => expect(await attributed()).toEqual(expected), WAIT);

    bou.destroy();
    eb.destroy();
    await collab.restartServer();
    expect(await attributed()).toEqual(expected);
  });
});
