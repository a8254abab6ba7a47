import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fragmentPlainText } from "../../editor/section-content";
import { loadDocument } from "../../server/collab/document-store";
import { waitForDocs } from "../support/clients";
import { insertAtStart } from "../support/document";
import { collabFixture } from "../support/fixture";
import { YTTRANDE } from "../support/sections";

const collab = collabFixture();
const connectAs = (email: string) => collab.connectAs(email);

describe("collaboration server", () => {
  it("serves the seed statement with one fragment per section", async () => {
    const client = await connectAs("handlaggare.bou@demo.test");
    expect(fragmentPlainText(client.doc.getXmlFragment("bakgrund"))).toContain(
      "Karin Rågsjö (v) och Måns Almqvist (v) föreslår i en motion till kommunfullmäktige den 14 mars 2011",
    );
    expect(fragmentPlainText(client.doc.getXmlFragment("forslag-till-beslut"))).toBe(
      "Stadsdelsnämnden beslutar att som svar på remissen överlämna och åberopa förvaltningens tjänsteutlåtande.\n" +
        "Ärendet förklaras omedelbart justerat",
    );
  });

  it("makes two clients converge on concurrent edits and persists them", async () => {
    const bou = await connectAs("handlaggare.bou@demo.test");
    const eb = await connectAs("handlaggare.eb@demo.test");
    insertAtStart(bou.doc, YTTRANDE, "BOU ");
    insertAtStart(eb.doc, YTTRANDE, "EB ");
    insertAtStart(bou.doc, "sammanfattning", "Sammanfattat. ");
    const converged = () => {
      const a = fragmentPlainText(bou.doc.getXmlFragment(YTTRANDE));
      return (
        a.includes("BOU") &&
        a.includes("EB ") &&
        a === fragmentPlainText(eb.doc.getXmlFragment(YTTRANDE)) &&
        fragmentPlainText(eb.doc.getXmlFragment("sammanfattning")).startsWith("Sammanfattat. ")
      );
    };
    await waitForDocs([bou.doc, eb.doc], converged);
    expect(fragmentPlainText(eb.doc.getXmlFragment("sammanfattning"))).toMatch(/^Sammanfattat\. Vissa barn/);

    await collab.server.collab.flush();
    const stored = await loadDocument(collab.database.connection.db, collab.database.seedStatementId);
    expect(fragmentPlainText(stored.getXmlFragment(YTTRANDE))).toBe(
      fragmentPlainText(bou.doc.getXmlFragment(YTTRANDE)),
    );
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(bou.doc));
  });
});
