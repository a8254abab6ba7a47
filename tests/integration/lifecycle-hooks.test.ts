import { describe, expect, it, vi } from "vitest";
import { loadStoredDocument } from "../../db/queries/documents";
import { CloseCode } from "../../server/collab/close-codes";
import { rebuildDocument } from "../../server/collab/document-store";
import type { ConnectionHooks, RoomHooks } from "../../server/collab/hooks";
import { closeCodeOf } from "../support/clients";
import { insertAtStart, sectionText } from "../support/document";
import { collabFixture } from "../support/fixture";
import { WAIT } from "../support/wait";
import { HANDLAGGARE_BOU, HANDLAGGARE_EB } from "../support/workflow";

/** What the plugged-in room hooks saw, in order: the hook's name and the statement. */
const seen: { hook: string; statementId: string }[] = [];
/** The account the plugged-in connection hook refuses, set per test. */
let refusedUserId: string | null = null;

const refuseOne: ConnectionHooks = {
  async onUpgrade(_request, admitted) {
    if (!admitted) return { ok: false, code: CloseCode.internalError, reason: "Not authorised first" };
    if (admitted.identity.userId === refusedUserId) {
      return { ok: false, code: CloseCode.forbidden, reason: "Refused by a plugged-in hook" };
    }
    return { ok: true, ...admitted };
  },
};

function recorder(statementId: string): RoomHooks {
  const note = (hook: string) => {
    seen.push({ hook, statementId });
  };
  return {
    onLoad: async () => note("onLoad"),
    beforeApply: () => note("beforeApply"),
    afterChange: () => note("afterChange"),
    onStore: async () => note("onStore"),
    onUnload: async () => note("onUnload"),
  };
}

const COMPACT_EVERY = 3;
const collab = collabFixture(
  { COLLAB_COMPACT_EVERY: String(COMPACT_EVERY) },
  { connectionHooks: [refuseOne], roomHooks: (room) => [recorder(room.statementId)] },
);

describe("the collaboration server's lifecycle hooks", () => {
  it("a connection hook after the session check refuses a socket with its close code, and admits the rest", async () => {
    refusedUserId = await collab.userIdOf(HANDLAGGARE_EB);
    const refused = await closeCodeOf(collab.roomUrl, { cookie: await collab.cookieFor(HANDLAGGARE_EB) });
    expect(refused).toEqual({ code: CloseCode.forbidden, reason: "Refused by a plugged-in hook" });
    // The session check still runs first: no cookie is refused as before, not by the plugged-in hook.
    expect(await closeCodeOf(collab.roomUrl, {})).toMatchObject({ code: CloseCode.unauthenticated });
    const admitted = await collab.connectAs(HANDLAGGARE_BOU);
    expect(sectionText(admitted.doc, "bakgrund").length).toBeGreaterThan(0);
  });

  it("room hooks see the load, each change, the stores and the unload, in that order", async () => {
    refusedUserId = null;
    seen.length = 0;
    const statementId = collab.database.seedStatementId;
    const writer = await collab.connectAs(HANDLAGGARE_BOU);
    for (let keystroke = 0; keystroke < COMPACT_EVERY; keystroke++)
      insertAtStart(writer.doc, "bakgrund", "x");
    await vi.waitFor(() => expect(seen.map((entry) => entry.hook)).toContain("onStore"), WAIT);
    // The server's own store hook (compaction) ran before the plugged-in one: the snapshot holds the edits.
    const stored = await loadStoredDocument(collab.database.connection.db, statementId);
    const snapshotOnly = rebuildDocument({ snapshot: stored.snapshot, updates: [] });
    expect(sectionText(snapshotOnly, "bakgrund").startsWith("xxx")).toBe(true);
    writer.destroy();
    await vi.waitFor(() => expect(seen.at(-1)?.hook).toBe("onUnload"), WAIT);

    const hooks = seen.map((entry) => entry.hook);
    expect(seen.every((entry) => entry.statementId === statementId)).toBe(true);
    expect(hooks[0]).toBe("onLoad");
    expect(hooks.filter((hook) => hook === "onLoad")).toHaveLength(1);
    expect(hooks.indexOf("beforeApply")).toBeLessThan(hooks.indexOf("afterChange"));
    expect(hooks.indexOf("afterChange")).toBeLessThan(hooks.indexOf("onStore"));
    expect(hooks.filter((hook) => hook === "afterChange").length).toBeGreaterThanOrEqual(COMPACT_EVERY);
    expect(hooks.filter((hook) => hook === "onUnload")).toHaveLength(1);
  });
});
