import { describe, expect, it } from "vitest";
import { planSections } from "./section-plan";
import { TJANSTEUTLATANDE_TEMPLATE } from "./template";

const avdelning = { id: "soc", kind: "avdelning" as const, parentId: null };
const bou = { id: "bou", kind: "enhet" as const, parentId: "soc" };
const eb = { id: "eb", kind: "enhet" as const, parentId: "soc" };

describe("planSections", () => {
  it("gives every template section in order, owned and approved as the template says", () => {
    const plan = planSections(TJANSTEUTLATANDE_TEMPLATE, [avdelning, bou, eb]);
    expect(plan.map((section) => section.key)).toEqual(
      TJANSTEUTLATANDE_TEMPLATE.map((section) => section.key),
    );
    const yttrande = plan.find((section) => section.key === "forvaltningens-yttrande");
    expect(yttrande?.ownerUnitIds).toEqual(["bou", "eb"]);
    expect(yttrande?.approvals).toEqual([
      { role: "enhetschef", unitId: "bou" },
      { role: "enhetschef", unitId: "eb" },
    ]);
    const bakgrund = plan.find((section) => section.key === "bakgrund");
    expect(bakgrund?.ownerUnitIds).toEqual(["soc"]);
    expect(bakgrund?.approvals).toEqual([{ role: "avdelningschef", unitId: "soc" }]);
  });

  it("gives avdelning sections to the enheter's avdelning when only enheter prepare the statement", () => {
    const plan = planSections(TJANSTEUTLATANDE_TEMPLATE, [bou, eb]);
    const bakgrund = plan.find((section) => section.key === "bakgrund");
    expect(bakgrund?.ownerUnitIds).toEqual(["soc"]);
    expect(bakgrund?.approvals).toEqual([{ role: "avdelningschef", unitId: "soc" }]);
    expect(plan.find((section) => section.key === "forvaltningens-yttrande")?.ownerUnitIds).toEqual([
      "bou",
      "eb",
    ]);
  });

  it("falls back to the preparing units when no unit of the preferred kind can own a section", () => {
    const plan = planSections(TJANSTEUTLATANDE_TEMPLATE, [{ id: "solo", kind: "enhet", parentId: null }]);
    expect(plan.every((section) => section.ownerUnitIds.join() === "solo")).toBe(true);
  });

  it("requires organisation-wide roles without a unit", () => {
    const plan = planSections(
      [
        {
          key: "k",
          title: "T",
          owners: "avdelning",
          approvals: [{ role: "stadsdelsdirektor", unitId: null }],
        },
      ],
      [avdelning],
    );
    expect(plan[0]?.approvals).toEqual([{ role: "stadsdelsdirektor", unitId: null }]);
  });

  it("gives a section to the units the template names, with approvals of a named unit", () => {
    const plan = planSections(
      [
        {
          key: "k",
          title: "T",
          owners: "units",
          ownerUnitIds: ["eb"],
          approvals: [
            { role: "enhetschef", unitId: null },
            { role: "avdelningschef", unitId: "soc" },
          ],
          guidance: "Skriv här.",
        },
      ],
      [avdelning, bou],
    );
    expect(plan[0]).toEqual({
      key: "k",
      title: "T",
      ownerUnitIds: ["eb"],
      approvals: [
        { role: "enhetschef", unitId: "eb" },
        { role: "avdelningschef", unitId: "soc" },
      ],
      guidance: "Skriv här.",
    });
  });
});
