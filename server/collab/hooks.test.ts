import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { presenceIdentityOf } from "../../domain/presence";
import { CloseCode } from "./close-codes";
import { type Admission, type ConnectionHooks, decideUpgrade } from "./hooks";

const request = { url: "/collab/statement-1", headers: {} } as IncomingMessage;

const admission: Admission = {
  statementId: "statement-1",
  sessionId: "session-1",
  identity: {
    userId: "user-1",
    actor: { id: "user-1", organisationId: "organisation-1", roles: [] },
    canWrite: true,
    presence: presenceIdentityOf({ id: "user-1", name: "Användare", roles: [] }),
  },
};

/** A hook that admits `admission` when first, and records what it was given. */
function admitting(given: (Admission | null)[]): ConnectionHooks {
  return {
    async onUpgrade(_request, admitted) {
      given.push(admitted);
      return { ok: true, ...(admitted ?? admission) };
    },
  };
}

const refusing: ConnectionHooks = {
  onUpgrade: async () => ({ ok: false, code: CloseCode.forbidden, reason: "Nej" }),
};

describe("decideUpgrade", () => {
  it("hands the first hook no admission and every later one the admission so far", async () => {
    const given: (Admission | null)[] = [];
    const decision = await decideUpgrade([admitting(given), admitting(given)], request);
    expect(given).toEqual([null, admission]);
    expect(decision).toEqual({ ok: true, ...admission });
  });

  it("stops at the first refusal", async () => {
    const given: (Admission | null)[] = [];
    const decision = await decideUpgrade([admitting(given), refusing, admitting(given)], request);
    expect(decision).toEqual({ ok: false, code: CloseCode.forbidden, reason: "Nej" });
    expect(given).toEqual([null]);
  });

  it("refuses every client when no hook authorises", async () => {
    expect(await decideUpgrade([], request)).toMatchObject({ ok: false, code: CloseCode.internalError });
  });
});
