import { describe, expect, it } from "vitest";
import { sectionGuidance, TJANSTEUTLATANDE_TEMPLATE } from "./template";

describe("the tjänsteutlåtande template", () => {
  it("tells what belongs in every section", () => {
    for (const section of TJANSTEUTLATANDE_TEMPLATE) {
      expect(sectionGuidance(section.key), section.key).toMatch(/^[A-ZÅÄÖ].{20,}\.$/);
    }
    expect(sectionGuidance("finns-inte")).toBeUndefined();
  });
});
