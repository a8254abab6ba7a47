import { describe, expect, it } from "vitest";
import { loadDocument } from "../../server/collab/document-store";
import { waitForAwareness, waitForDocs, waitForSynced } from "../support/clients";
import { insertAtStart, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";

const collab = collabFixture();

describe("a read-only granskare", () => {
  it("shares presence and receives edits, but its own edits reach nobody and are never stored", async () => {
    const granskare = await collab.connectAs("granskare@demo.test");
    const handlaggare = await collab.connectAs("handlaggare.bou@demo.test");
    const granskareId = granskare.doc.clientID;

    insertAtStart(granskare.doc, "bakgrund", "GRANSKARENS ÄNDRING ");
    // Sent after the edit on the same socket, and forwarded by the server in order: once the
    // handlaggare has this presence, a forwarded edit would already have arrived.
    granskare.provider.awareness.setLocalStateField("cursor", { section: "bakgrund", anchor: 3 });
    await waitForAwareness(
      handlaggare.provider.awareness,
      () => handlaggare.provider.awareness.getStates().get(granskareId)?.cursor !== undefined,
    );
    const seen = handlaggare.provider.awareness.getStates().get(granskareId);
    expect(seen).toMatchObject({
      cursor: { section: "bakgrund", anchor: 3 },
      user: { name: "Maria Ek", userId: await collab.userIdOf("granskare@demo.test") },
    });
    expect(sectionText(handlaggare.doc, "bakgrund")).not.toContain("GRANSKARENS ÄNDRING");

    // Live edits still reach the granskare.
    insertAtStart(handlaggare.doc, "sammanfattning", "Handläggarens ändring. ");
    await waitForDocs([granskare.doc], () =>
      sectionText(granskare.doc, "sammanfattning").startsWith("Handläggarens ändring. "),
    );

    await collab.server.collab.flush();
    const stored = await loadDocument(collab.database.connection.db, collab.database.seedStatementId);
    expect(sectionText(stored, "bakgrund")).not.toContain("GRANSKARENS ÄNDRING");
    expect(sectionText(stored, "bakgrund")).toBe(sectionText(handlaggare.doc, "bakgrund"));
    // The handlaggare's edit is stored: the flush above really wrote what the server applied.
    expect(sectionText(stored, "sammanfattning")).toMatch(/^Handläggarens ändring\. /);
    expect(granskare.provider.wsconnected).toBe(true);
  });

  it("does not let a granskare's offline edits in through the sync after a reconnect", async () => {
    const handlaggare = await collab.connectAs("handlaggare.bou@demo.test");
    const granskare = await collab.connectAs("granskare@demo.test");
    // Edited while offline: on reconnect the divergent state goes up as sync step 2, not as an update.
    granskare.provider.disconnect();
    insertAtStart(granskare.doc, "bakgrund", "OFFLINE-ÄNDRING ");
    granskare.provider.connect();
    await waitForSynced(granskare);
    // Its sync step 2 answered the server's step 1, which arrives before the step 2 that synced it;
    // this presence change goes up after it, so it is the barrier again.
    granskare.provider.awareness.setLocalStateField("cursor", { section: "bakgrund", anchor: 1 });
    await waitForAwareness(
      handlaggare.provider.awareness,
      () => handlaggare.provider.awareness.getStates().get(granskare.doc.clientID)?.cursor !== undefined,
    );
    expect(sectionText(handlaggare.doc, "bakgrund")).not.toContain("OFFLINE-ÄNDRING");
    await collab.server.collab.flush();
    const stored = await loadDocument(collab.database.connection.db, collab.database.seedStatementId);
    expect(sectionText(stored, "bakgrund")).not.toContain("OFFLINE-ÄNDRING");
  });
});
