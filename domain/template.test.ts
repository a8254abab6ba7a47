import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "./template";

describe("the default templates", () => {
  it("tell what belongs in every section, and each key names one section", () => {
    for (const template of DEFAULT_TEMPLATES) {
      for (const section of template.sections) {
        expect(section.guidance, section.key).toMatch(/^[A-ZÅÄÖ].{20,}\.$/);
      }
      const keys = template.sections.map((section) => section.key);
      expect(new Set(keys).size, template.name).toBe(keys.length);
    }
  });
});
