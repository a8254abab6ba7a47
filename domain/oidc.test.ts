import { describe, expect, it } from "vitest";
import { grantsForGroups, groupsFromClaim, sameGrants } from "./oidc";

describe("groupsFromClaim", () => {
  it("reads an array of strings, or one string, under the configured name", () => {
    expect(groupsFromClaim({ groups: ["a", "b", "a"] }, "groups")).toEqual(["a", "b"]);
    expect(groupsFromClaim({ roles: "chef" }, "roles")).toEqual(["chef"]);
  });

  it("names no group for a missing claim or values that are not strings", () => {
    expect(groupsFromClaim({}, "groups")).toEqual([]);
    expect(groupsFromClaim({ groups: [1, { id: "x" }, "", "ok"] }, "groups")).toEqual(["ok"]);
  });
});

describe("grantsForGroups", () => {
  const mappings = [
    { groupName: "bou", role: "handlaggare" as const, unitId: "u1" },
    { groupName: "bou-extra", role: "handlaggare" as const, unitId: "u1" },
    { groupName: "granskning", role: "granskare" as const, unitId: null },
  ];

  it("gives each grant of the user's groups once", () => {
    expect(grantsForGroups(mappings, ["bou", "bou-extra", "other"])).toEqual([
      { role: "handlaggare", unitId: "u1" },
    ]);
    expect(grantsForGroups(mappings, ["granskning"])).toEqual([{ role: "granskare", unitId: null }]);
    expect(grantsForGroups(mappings, ["other"])).toEqual([]);
  });
});

describe("sameGrants", () => {
  it("compares grants as sets", () => {
    const a = { role: "handlaggare" as const, unitId: "u1" };
    const b = { role: "granskare" as const, unitId: null };
    expect(sameGrants([a, b], [b, a])).toBe(true);
    expect(sameGrants([a], [a, b])).toBe(false);
    expect(sameGrants([], [])).toBe(true);
  });
});
