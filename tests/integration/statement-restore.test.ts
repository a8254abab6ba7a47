import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { statements } from "../../db/schema";
import { nameVersion, restoreStatement, versionDetail, versionsOf } from "../../workflow/versions";
import { insertAtStart, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { signOffHelpers } from "../support/sign-off";
import { WAIT } from "../support/wait";
import {
  AVDELNINGSCHEF,
  ENHETSCHEF_BOU,
  expectOk,
  expectRefusal,
  GRANSKARE,
  HANDLAGGARE_BOU,
  HANDLAGGARE_EB,
  YTTRANDE,
} from "../support/workflow";

const BAKGRUND = "bakgrund";

describe("restoring a whole statement", () => {
  const collab = collabFixture();
  const signOff = signOffHelpers(collab);
  const { db, seed } = signOff;

  /** Types at the start of the section and waits until the server's document has it. */
  async function type(doc: Parameters<typeof insertAtStart>[0], key: string, text: string) {
    const before = await signOff.currentHash(key);
    insertAtStart(doc, key, text);
    await vi.waitFor(async () => expect(await signOff.currentHash(key)).not.toBe(before), WAIT);
  }

  it("restores every changed section live as the chef's audited edits, and makes approvals stale", async () => {
    // The seed's creator coordinates it, so may write in Bakgrund too.
    const writer = await collab.connectAs(HANDLAGGARE_BOU);
    const reader = await collab.connectAs(HANDLAGGARE_EB);
    const drafter = await signOff.user(HANDLAGGARE_BOU);
    const chef = await signOff.user(ENHETSCHEF_BOU);

    await type(writer.doc, YTTRANDE, "Alfa i yttrandet. ");
    await type(writer.doc, BAKGRUND, "Alfa i bakgrunden. ");
    const earlier = expectOk(await nameVersion(db(), drafter, seed(), { name: "Före MBL" }));
    const then = new Map(
      expectOk(await versionDetail(db(), drafter, seed(), earlier.id)).sections.map((s) => [s.key, s.text]),
    );
    await type(writer.doc, YTTRANDE, "Beta i yttrandet. ");
    await type(writer.doc, BAKGRUND, "Beta i bakgrunden. ");
    await signOff.approveNow(ENHETSCHEF_BOU, YTTRANDE);

    const restored = expectOk(await restoreStatement(db(), chef, seed(), earlier.id));
    expect(restored.sections.map((section) => section.sectionKey)).toEqual([BAKGRUND, YTTRANDE]);
    for (const key of [BAKGRUND, YTTRANDE]) {
      await vi.waitFor(() => expect(sectionText(reader.doc, key)).toBe(then.get(key)), WAIT);
      await vi.waitFor(() => expect(sectionText(writer.doc, key)).toBe(then.get(key)), WAIT);
    }
    await signOff.waitForStaleness(YTTRANDE, true, 1);
    const audited = await signOff.audit("section.restored");
    expect(audited.map((event) => [event.actor?.id, event.sectionKey]).sort()).toEqual(
      [
        [chef.id, BAKGRUND],
        [chef.id, YTTRANDE],
      ].sort(),
    );

    // The text before the restore is kept, so the restore can be undone.
    const { versions } = expectOk(await versionsOf(db(), drafter, seed()));
    const before = versions.find((version) => version.name === "Före återställning av hela utlåtandet");
    expect(before?.createdBy?.id).toBe(chef.id);
    const kept = expectOk(await versionDetail(db(), drafter, seed(), before?.id ?? ""));
    expect(kept.sections.find((s) => s.key === YTTRANDE)?.text).toMatch(/^Beta i yttrandet\. Alfa/);

    // Restoring the same version again changes nothing, and keeps no version for it.
    expect(expectOk(await restoreStatement(db(), chef, seed(), earlier.id)).sections).toEqual([]);
    const kinds = expectOk(await versionsOf(db(), drafter, seed())).versions.map((version) => version.name);
    expect(kinds.filter((name) => name === "Före återställning av hela utlåtandet")).toHaveLength(1);
    writer.destroy();
    reader.destroy();
  });

  it("refuses: 403 for users who approve no section, 404 for an unknown version, 409 after justering", async () => {
    const drafter = await signOff.user(HANDLAGGARE_BOU);
    const version = expectOk(await nameVersion(db(), drafter, seed(), { name: "Före" }));
    for (const email of [HANDLAGGARE_BOU, GRANSKARE]) {
      const refused = expectRefusal(
        await restoreStatement(db(), await signOff.user(email), seed(), version.id),
        "forbidden",
      );
      expect(refused.error).toMatch(/chef/);
    }
    const chef = await signOff.user(AVDELNINGSCHEF);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expectRefusal(await restoreStatement(db(), chef, seed(), unknown), "not-found");

    await db().update(statements).set({ status: "finalised" }).where(eq(statements.id, seed()));
    expect(expectRefusal(await restoreStatement(db(), chef, seed(), version.id), "conflict").error).toMatch(
      /justerat/,
    );
  });
});
