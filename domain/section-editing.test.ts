import { describe, expect, it } from "vitest";
import type { Actor } from "./access";
import type { Role } from "./roles";
import { canEditSection, type SectionEditFacts } from "./section-editing";

const ORG = "org";
const AVDELNING = "avdelning";
const BOU = "bou";
const EB = "eb";

function actor(id: string, role: Role, unitId: string | null): Actor {
  return { id, organisationId: ORG, roles: [{ role, unitId }] };
}

const avdelningSection: SectionEditFacts = {
  ownerUnitIds: [AVDELNING],
  requirements: [{ role: "avdelningschef", unitId: AVDELNING }],
};
const enheterSection: SectionEditFacts = {
  ownerUnitIds: [BOU, EB],
  requirements: [
    { role: "enhetschef", unitId: BOU },
    { role: "enhetschef", unitId: EB },
  ],
};

const draft = { organisationId: ORG, status: "draft" as const, coordinatorId: "sara" };
const finalised = { ...draft, status: "finalised" as const };

const cases: [string, Actor, SectionEditFacts, typeof draft | typeof finalised, boolean][] = [
  [
    "an enhet's handläggare, the enheter's section",
    actor("ahmed", "handlaggare", EB),
    enheterSection,
    draft,
    true,
  ],
  [
    "an enhet's handläggare, the avdelning's section",
    actor("ahmed", "handlaggare", EB),
    avdelningSection,
    draft,
    false,
  ],
  [
    "the avdelning's handläggare, the enheter's section",
    actor("a", "handlaggare", AVDELNING),
    enheterSection,
    draft,
    false,
  ],
  [
    "the avdelning's handläggare, its own section",
    actor("a", "handlaggare", AVDELNING),
    avdelningSection,
    draft,
    true,
  ],
  ["a handläggare of no unit", actor("n", "handlaggare", null), avdelningSection, draft, false],
  ["the coordinator, a foreign section", actor("sara", "handlaggare", BOU), avdelningSection, draft, true],
  [
    "the coordinator, after finalisation",
    actor("sara", "handlaggare", BOU),
    avdelningSection,
    finalised,
    false,
  ],
  ["the approving avdelningschef", actor("i", "avdelningschef", AVDELNING), avdelningSection, draft, true],
  [
    "the avdelningschef, the enheter's section",
    actor("i", "avdelningschef", AVDELNING),
    enheterSection,
    draft,
    false,
  ],
  ["an approving enhetschef", actor("j", "enhetschef", BOU), enheterSection, draft, true],
  ["an enhetschef, the avdelning's section", actor("j", "enhetschef", BOU), avdelningSection, draft, false],
  [
    "the stadsdelsdirektör, who approves nothing",
    actor("l", "stadsdelsdirektor", null),
    avdelningSection,
    draft,
    false,
  ],
  ["a granskare", actor("m", "granskare", null), avdelningSection, draft, false],
  ["a granskare named coordinator", actor("sara", "granskare", null), avdelningSection, draft, false],
  [
    "someone of another organisation",
    { ...actor("x", "handlaggare", EB), organisationId: "other" },
    enheterSection,
    draft,
    false,
  ],
];

describe("who may edit a section", () => {
  it.each(cases)("%s: %s", (_name, who, section, statement, expected) => {
    expect(canEditSection(who, statement, section)).toBe(expected);
  });

  it("names no coordinator when there is none", () => {
    const nobody = { ...draft, coordinatorId: null };
    expect(canEditSection(actor("sara", "handlaggare", BOU), nobody, avdelningSection)).toBe(false);
  });
});
