import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, statements, statementVersions } from "../../db/schema";
import { sectionHash } from "../../editor/section-hash";
import { approve, finalise, revoke } from "../../workflow/sign-off";
import { waitForAwareness, waitForDocs } from "../support/clients";
import { insertAtStart, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { signOffHelpers } from "../support/sign-off";
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

const collab = collabFixture();
const signOff = signOffHelpers(collab);
const { db, seed } = signOff;

async function statementRow() {
  const [row] = await db().select().from(statements).where(eq(statements.id, seed()));
  return row;
}

/** The database's reason for refusing a query (Drizzle wraps the driver's error as its cause). */
async function refusalOf(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    return error instanceof Error ? `${error.message}\n${String(error.cause)}` : String(error);
  }
  throw new Error("The database accepted the query");
}

/** The final version: approvals keep versions of their own (see workflow/versions.ts). */
const versionsOfSeed = () =>
  db()
    .select()
    .from(statementVersions)
    .where(and(eq(statementVersions.statementId, seed()), eq(statementVersions.kind, "final")));

describe("finalisation (justering)", () => {
  it("is refused for anyone but the direktör (403), and with unapproved sections (409, listing them)", async () => {
    await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);
    await signOff.approveNow(AVDELNINGSCHEF, "bakgrund");
    for (const email of [AVDELNINGSCHEF, ENHETSCHEF_BOU, HANDLAGGARE_BOU]) {
      const refusal = expectRefusal(await finalise(db(), await signOff.user(email), seed()), "forbidden");
      expect(refusal.error).toMatch(/stadsdelsdirektören/);
    }

    const refused = expectRefusal(await finalise(db(), await signOff.user(DIREKTOR), seed()), "conflict");
    expect(refused.error).toBe("Alla avsnitt är inte godkända");
    const listed = refused.details.sections as { key: string; title: string; state: string }[];
    expect(listed.map((section) => section.key)).toEqual([
      "forslag-till-beslut",
      "sammanfattning",
      "bilaga",
      "arendets-beredning",
      YTTRANDE,
      "forslag-till-beslut-avslutande",
    ]);
    expect(listed.find((section) => section.key === YTTRANDE)).toMatchObject({
      title: "Förvaltningens yttrande och synpunkter",
      state: "Delvis godkänd",
    });
    expect(await statementRow()).toMatchObject({ status: "draft", finalisedAt: null });
    expect(await versionsOfSeed()).toEqual([]);

    // The refusal thawed the document: writers still write.
    const writer = await collab.connectAs(HANDLAGGARE_BOU);
    const reader = await collab.connectAs(HANDLAGGARE_EB);
    insertAtStart(writer.doc, "sammanfattning", "Fortfarande utkast. ");
    await waitForDocs([reader.doc], () =>
      sectionText(reader.doc, "sammanfattning").startsWith("Fortfarande"),
    );
  });

  it("keeps a writer's edit made while a finalisation decided and was refused", async () => {
    const writer = await collab.connectAs(HANDLAGGARE_BOU);
    const reader = await collab.connectAs(HANDLAGGARE_EB);
    let refuse: (keep: boolean) => void = () => {};
    const decided = new Promise<boolean>((resolve) => (refuse = resolve));
    let deciding: () => void = () => {};
    const frozen = new Promise<void>((resolve) => (deciding = resolve));
    const finalisation = collab.server.services.documents.freezeWhile(seed(), () => {
      deciding();
      return decided;
    });
    await frozen;
    // Typed while the room is frozen: the server drops it, and asks the writer for it after the thaw.
    insertAtStart(writer.doc, "sammanfattning", "Under justeringen. ");
    // The server handles a socket's messages in order: once this presence is relayed, the edit was dropped.
    writer.provider.awareness.setLocalStateField("section", "sammanfattning");
    await waitForAwareness(
      reader.provider.awareness,
      () => reader.provider.awareness.getStates().get(writer.doc.clientID)?.section === "sammanfattning",
    );
    expect(sectionText(reader.doc, "sammanfattning")).not.toMatch(/^Under justeringen/);
    refuse(false);
    expect(await finalisation).toBe("not-finalised");
    await waitForDocs([reader.doc], () =>
      sectionText(reader.doc, "sammanfattning").startsWith("Under justeringen."),
    );
  });

  it("once every section is approved: freezes the final version, audits it, and refuses every later change", async () => {
    const writer = await collab.connectAs(HANDLAGGARE_BOU);
    const observer = await collab.connectAs(HANDLAGGARE_EB);
    await signOff.approveEverySection();
    const approved = await signOff.workflow(DIREKTOR);
    expect(approved.readyToFinalise).toBe(true);

    const direktor = await signOff.user(DIREKTOR);
    expectOk(await finalise(db(), direktor, seed()));
    const finalised = await signOff.workflow(HANDLAGGARE_BOU);
    expect(finalised).toMatchObject({ status: "finalised", canEditText: false, canFinalise: false });
    expect(await statementRow()).toMatchObject({ status: "finalised", finalisedBy: direktor.id });

    const [version, ...moreVersions] = await versionsOfSeed();
    expect(moreVersions).toEqual([]);
    expect(version).toMatchObject({ kind: "final", createdBy: direktor.id });
    expect(version?.sections).toEqual(
      approved.sections.map((section) => ({
        key: section.key,
        title: section.title,
        contentHash: section.contentHash,
        content: expect.objectContaining({ type: "doc" }),
        text: sectionText(observer.doc, section.key),
      })),
    );
    const [event] = await signOff.audit("statement.finalised");
    expect(event).toMatchObject({ actor: { id: direktor.id, name: "Leif Spjuth" } });
    expect(event?.details.sections).toEqual(
      approved.sections.map((section) => ({ key: section.key, contentHash: section.contentHash })),
    );

    // Writers connected before finalising and after it: their edits are dropped.
    await signOff.expectEditDropped(writer, observer);
    await signOff.expectEditDropped(await collab.connectAs(HANDLAGGARE_EB), observer);
    expect((await signOff.section("bakgrund")).contentHash).toBe(
      approved.sections.find((section) => section.key === "bakgrund")?.contentHash,
    );

    // Sign-off is over too.
    const chefBou = await signOff.user(ENHETSCHEF_BOU);
    const hash = await signOff.currentHash(YTTRANDE);
    expectRefusal(await approve(db(), chefBou, seed(), YTTRANDE, hash), "conflict");
    expectRefusal(await revoke(db(), chefBou, seed(), YTTRANDE, null), "conflict");
    const again = expectRefusal(await finalise(db(), direktor, seed()), "conflict");
    expect(again.error).toBe("Tjänsteutlåtandet är redan justerat");
    expect(await versionsOfSeed()).toHaveLength(1);
    expect(await signOff.audit("statement.finalised")).toHaveLength(1);
  });
});

describe("the audit trail", () => {
  it("is append-only in the database: updates and deletes are refused", async () => {
    await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);
    const before = await signOff.audit();
    expect(before.map((event) => event.action)).toContain("approval.granted");

    const forged = db()
      .update(auditEvents)
      .set({ action: "approval.forged" })
      .where(eq(auditEvents.statementId, seed()));
    expect(await refusalOf(forged)).toMatch(/audit_events is append-only \(UPDATE refused\)/);
    const erased = db().delete(auditEvents).where(eq(auditEvents.statementId, seed()));
    expect(await refusalOf(erased)).toMatch(/audit_events is append-only \(DELETE refused\)/);
    expect(await refusalOf(db().execute(sql`TRUNCATE audit_events`))).toMatch(/append-only \(TRUNCATE/);
    expect(await signOff.audit()).toEqual(before);
  });
});

describe("the content hash", () => {
  it("is the same in a client (as the browser computes it) as on the server, also after a restart", async () => {
    const client = await collab.connectAs(HANDLAGGARE_BOU);
    const server = await signOff.workflow(HANDLAGGARE_BOU);
    expect(server.sections).toHaveLength(7);
    for (const section of server.sections) {
      expect(sectionHash(client.doc.getXmlFragment(section.key)), section.key).toBe(section.contentHash);
    }
    client.destroy();

    await collab.restartServer();
    const reloaded = await signOff.workflow(HANDLAGGARE_BOU);
    expect(reloaded.sections.map((section) => section.contentHash)).toEqual(
      server.sections.map((section) => section.contentHash),
    );

    // So the hash a client shows is one the server accepts.
    const chef = await collab.connectAs(ENHETSCHEF_BOU);
    const shown = sectionHash(chef.doc.getXmlFragment(YTTRANDE));
    expectOk(await approve(db(), await signOff.user(ENHETSCHEF_BOU), seed(), YTTRANDE, shown));
  });
});
