import { describe, expect, it } from "vitest";
import type { Actor } from "./access";
import {
  approvableRequirements,
  approvalRefusal,
  canFinalise,
  type Requirement,
  satisfiesRequirement,
  sectionState,
} from "./signoff";

const BOU = "unit-bou";
const EB = "unit-eb";
const bouChef: Requirement = {
  id: "r-bou",
  role: "enhetschef",
  unitId: BOU,
  unitName: "Barn- och ungdomsenheten",
};
const ebChef: Requirement = {
  id: "r-eb",
  role: "enhetschef",
  unitId: EB,
  unitName: "Enheten för ekonomiskt bistånd",
};
const yttrande = [bouChef, ebChef];

function actor(...roles: Actor["roles"]): Actor {
  return { id: "u", organisationId: "org", roles };
}

const enhetschefBou = actor({ role: "enhetschef", unitId: BOU });
const handlaggareBou = actor({ role: "handlaggare", unitId: BOU });

describe("who may approve", () => {
  it("matches the role and, for unit roles, the unit", () => {
    expect(satisfiesRequirement(enhetschefBou, bouChef)).toBe(true);
    expect(satisfiesRequirement(enhetschefBou, ebChef)).toBe(false);
    expect(satisfiesRequirement(handlaggareBou, bouChef)).toBe(false);
    expect(approvableRequirements(enhetschefBou, yttrande).map((r) => r.id)).toEqual(["r-bou"]);
  });

  it("lets an organisation-wide requirement be met by any holder of the role", () => {
    const requirement = { id: "r", role: "stadsdelsdirektor" as const, unitId: null, unitName: null };
    expect(satisfiesRequirement(actor({ role: "stadsdelsdirektor", unitId: null }), requirement)).toBe(true);
  });

  it("explains a refusal by naming the roles that may approve", () => {
    expect(approvalRefusal(handlaggareBou, yttrande)).toBe(
      "Avsnittet godkänns av enhetschef för Barn- och ungdomsenheten och enhetschef för Enheten för ekonomiskt bistånd.",
    );
    expect(approvalRefusal(enhetschefBou, yttrande)).toBeNull();
  });

  it("lets only the stadsdelsdirektör finalise", () => {
    expect(canFinalise(actor({ role: "stadsdelsdirektor", unitId: null }))).toBe(true);
    expect(canFinalise(actor({ role: "avdelningschef", unitId: "a" }))).toBe(false);
  });
});

describe("section state", () => {
  const hash = "sha256:current";
  it("is open without approvals", () => {
    expect(sectionState(yttrande, [], hash)).toBe("open");
  });

  it("is partly approved until every requirement has a fresh approval", () => {
    expect(sectionState(yttrande, [{ requirementId: "r-bou", contentHash: hash }], hash)).toBe(
      "partly-approved",
    );
    expect(
      sectionState(
        yttrande,
        [
          { requirementId: "r-bou", contentHash: hash },
          { requirementId: "r-eb", contentHash: hash },
        ],
        hash,
      ),
    ).toBe("approved");
  });

  it("is stale as soon as any approval in force no longer matches the content", () => {
    expect(
      sectionState(
        yttrande,
        [
          { requirementId: "r-bou", contentHash: "sha256:old" },
          { requirementId: "r-eb", contentHash: hash },
        ],
        hash,
      ),
    ).toBe("stale");
  });

  it("is never approved when it requires nothing", () => {
    expect(sectionState([], [], hash)).toBe("open");
  });
});
