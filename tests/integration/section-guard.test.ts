import { describe, expect, it, vi } from "vitest";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { listAuditEvents } from "../../db/queries/audit";
import { loadStatementWorkflow } from "../../workflow/statement-workflow";
import { type TestClient, waitForDocs } from "../support/clients";
import { insertAtStart, paragraphText, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { SYNC_UPDATE, syncFrame } from "../support/frames";
import {
  AVDELNINGSCHEF,
  HANDLAGGARE_BOU,
  HANDLAGGARE_EB,
  sessionUserOf,
  YTTRANDE,
} from "../support/workflow";

const collab = collabFixture({ COLLAB_REFUSALS_AUDITED_AFTER: "2" });
const SAMMANFATTNING = "sammanfattning";

/** Resolves with the close code and reason once a stock provider has stopped for good. */
function closedFor(client: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => client.provider.once("closed", resolve));
}

function socketClosed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })),
  );
}

/**
 * After an attack: the coordinator types a marker, and once it reaches the observer, the attack
 * has not (the server relays in order). Then, after a restart, the stored statement holds the
 * marker and not the attack, and the statement still loads.
 */
async function expectNothingReached(observer: TestClient, attacked: (doc: Y.Doc) => boolean) {
  const coordinator = await collab.connectAs(HANDLAGGARE_BOU);
  insertAtStart(coordinator.doc, SAMMANFATTNING, "Kontroll ");
  await waitForDocs([observer.doc], () => sectionText(observer.doc, SAMMANFATTNING).startsWith("Kontroll "));
  expect(attacked(observer.doc)).toBe(false);
  await collab.server.collab.flush();
  await collab.restartServer();
  const reader = await collab.connectAs(AVDELNINGSCHEF);
  expect(sectionText(reader.doc, SAMMANFATTNING).startsWith("Kontroll ")).toBe(true);
  expect(attacked(reader.doc)).toBe(false);
  const user = await sessionUserOf(collab, AVDELNINGSCHEF);
  const lookup = await loadStatementWorkflow(
    collab.database.connection.db,
    user,
    collab.database.seedStatementId,
  );
  expect(lookup.found).toBe(true);
}

/** Has the attacker make `change` through a stock provider; expects the socket closed with 4403. */
async function attackAs(email: string, change: (doc: Y.Doc) => void, fresh = false) {
  const attacker = await collab.connectAs(email);
  const closed = closedFor(attacker);
  if (fresh) {
    // A document of its own, not synced: its update is sent as is.
    const own = new Y.Doc();
    own.on("update", (update: Uint8Array) => attacker.provider.ws?.send(syncFrame(SYNC_UPDATE, update)));
    change(own);
  } else change(attacker.doc);
  const { code, reason } = await closed;
  expect(code).toBe(4403);
  expect(reason).toMatch(/^Refused: /);
}

describe("the section guard", () => {
  it("relays an enhet handläggare's edit of Förvaltningens yttrande", async () => {
    const observer = await collab.connectAs(AVDELNINGSCHEF);
    const eb = await collab.connectAs(HANDLAGGARE_EB);
    insertAtStart(eb.doc, YTTRANDE, "Tillagt av EB. ");
    await waitForDocs([observer.doc], () =>
      sectionText(observer.doc, YTTRANDE).startsWith("Tillagt av EB. "),
    );
    expect(eb.provider.wsconnected).toBe(true);
  });

  it.each([
    ["an insert into a foreign section", (doc: Y.Doc) => insertAtStart(doc, SAMMANFATTNING, "Intrång ")],
    ["a deletion in a foreign section", (doc: Y.Doc) => paragraphText(doc, SAMMANFATTNING).delete(0, 5)],
    [
      "formatting in a foreign section",
      (doc: Y.Doc) => paragraphText(doc, SAMMANFATTNING).format(0, 5, { bold: {} }),
    ],
    [
      "a foreign insert hidden in an allowed update",
      (doc: Y.Doc) =>
        doc.transact(() => {
          insertAtStart(doc, YTTRANDE, "Tillåtet ");
          insertAtStart(doc, SAMMANFATTNING, "Intrång ");
        }),
    ],
  ])("refuses %s (4403), relays and stores nothing of it", async (_name, change) => {
    const observer = await collab.connectAs(AVDELNINGSCHEF);
    const before = sectionText(observer.doc, SAMMANFATTNING);
    const yttrandeBefore = sectionText(observer.doc, YTTRANDE);
    await attackAs(HANDLAGGARE_EB, change);
    await expectNothingReached(
      observer,
      (doc) =>
        sectionText(doc, SAMMANFATTNING) !== `Kontroll ${before}` ||
        sectionText(doc, YTTRANDE) !== yttrandeBefore ||
        paragraphText(doc, SAMMANFATTNING)
          .toDelta()
          .some((op: { attributes?: object }) => op.attributes),
    );
  });

  it.each([
    ["a map root", (doc: Y.Doc) => doc.getMap("x").set("a", 1), "x"],
    ["a text root", (doc: Y.Doc) => doc.getText("evil").insert(0, "ondskefullt"), "evil"],
    [
      "a fragment that is not a section",
      (doc: Y.Doc) => doc.getXmlFragment("not-a-section").insert(0, [new Y.XmlElement("paragraph")]),
      "not-a-section",
    ],
  ])("refuses %s from the coordinator, who may edit every section", async (_name, change, root) => {
    const observer = await collab.connectAs(AVDELNINGSCHEF);
    await attackAs(HANDLAGGARE_BOU, change);
    await expectNothingReached(observer, (doc) => doc.share.has(root));
  });

  it("refuses a bare string put into a section's fragment from a fresh document: the statement keeps loading", async () => {
    const observer = await collab.connectAs(AVDELNINGSCHEF);
    await attackAs(HANDLAGGARE_BOU, (doc) => doc.getText(SAMMANFATTNING).insert(0, "bar sträng"), true);
    await expectNothingReached(observer, (doc) => sectionText(doc, SAMMANFATTNING).includes("bar sträng"));
  });

  it("closes with 4009 (resync) on an update with a missing dependency", async () => {
    const socket = await collab.openSocket(HANDLAGGARE_BOU);
    const base = new Y.Doc();
    const closed = socketClosed(socket);
    // Its own first struct ('a') is never sent: only what follows it.
    const own = new Y.Doc();
    Y.applyUpdate(own, Y.encodeStateAsUpdate(base));
    own.getXmlFragment(SAMMANFATTNING).insert(0, [new Y.XmlElement("paragraph")]);
    const before = Y.encodeStateVector(own);
    (own.getXmlFragment(SAMMANFATTNING).get(0) as Y.XmlElement).insert(0, [new Y.XmlText("x")]);
    socket.send(syncFrame(SYNC_UPDATE, Y.encodeStateAsUpdate(own, before)));
    expect(await closed).toEqual({ code: 4009, reason: "Refused: Update depends on missing structs" });
  });

  it("audits repeated refusals of one account in the statement's trail", async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      await attackAs(HANDLAGGARE_EB, (doc) => insertAtStart(doc, SAMMANFATTNING, "Igen "));
    }
    const { db } = collab.database.connection;
    const ebId = await collab.userIdOf(HANDLAGGARE_EB);
    await vi.waitFor(async () => {
      const events = await listAuditEvents(db, collab.database.seedStatementId);
      const refused = events.filter((event) => event.action === "update.refused");
      expect(refused).toHaveLength(1);
      expect(refused[0]?.actor?.id).toBe(ebId);
      expect(refused[0]?.details).toMatchObject({ count: 2 });
    });
  });
});
