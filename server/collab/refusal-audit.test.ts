import { describe, expect, it } from "vitest";
import { silentLogger } from "./logger";
import { RefusalAudit } from "./refusal-audit";
import type { Refusal } from "./section-guard";

function refusal(userId: string, statementId = "s1"): Refusal {
  return {
    statementId,
    organisationId: "o",
    userId,
    kind: "forbidden",
    reason: "Section x may not be changed",
  };
}

function audit() {
  const recorded: Refusal[][] = [];
  const refusals = new RefusalAudit({
    logger: silentLogger,
    threshold: 3,
    windowMs: 1000,
    record: async (batch) => {
      recorded.push(batch);
    },
  });
  return { refusals, recorded };
}

describe("auditing refused updates", () => {
  it("records one event per threshold of refusals by one account in one statement", () => {
    const { refusals, recorded } = audit();
    for (let index = 0; index < 7; index++) refusals.note(refusal("u1"), index);
    expect(recorded.map((batch) => batch.length)).toEqual([3, 3]);
  });

  it("counts accounts and statements apart, and forgets refusals older than the window", () => {
    const { refusals, recorded } = audit();
    refusals.note(refusal("u1"), 0);
    refusals.note(refusal("u2"), 0);
    refusals.note(refusal("u1", "s2"), 0);
    refusals.note(refusal("u1"), 10);
    refusals.note(refusal("u1"), 2000);
    expect(recorded).toEqual([]);
    refusals.note(refusal("u1"), 2001);
    refusals.note(refusal("u1"), 2002);
    expect(recorded).toHaveLength(1);
  });
});
