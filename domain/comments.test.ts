import { describe, expect, it } from "vitest";
import type { Actor } from "./access";
import { canDecideSuggestion, canResolveThread, commentBodySchema, isOwnComment } from "./comments";

type Member = Actor & { memberOfUnitIds: string[] };
const granskare: Member = {
  id: "g",
  organisationId: "o",
  roles: [{ role: "granskare", unitId: null }],
  memberOfUnitIds: [],
};
const handlaggareBou: Member = {
  id: "h",
  organisationId: "o",
  roles: [{ role: "handlaggare", unitId: "bou" }],
  memberOfUnitIds: ["bou", "soc"],
};
const handlaggareEb: Member = {
  id: "e",
  organisationId: "o",
  roles: [{ role: "handlaggare", unitId: "eb" }],
  memberOfUnitIds: ["eb", "soc"],
};

describe("comment rules", () => {
  const thread = { authorId: "g", sectionOwnerUnitIds: ["bou"] };

  it("counts an enhet's staff as members of its avdelning", () => {
    expect(canResolveThread(handlaggareEb, { authorId: "g", sectionOwnerUnitIds: ["soc"] })).toBe(true);
  });

  it("lets the author and members of an owning unit resolve a thread, no one else", () => {
    expect(canResolveThread(granskare, thread)).toBe(true);
    expect(canResolveThread(handlaggareBou, thread)).toBe(true);
    expect(canResolveThread(handlaggareEb, thread)).toBe(false);
  });

  it("knows one's own comments", () => {
    expect(isOwnComment(granskare, { authorId: "g" })).toBe(true);
    expect(isOwnComment(handlaggareBou, { authorId: "g" })).toBe(false);
  });
});

describe("suggestion rules", () => {
  const suggestion = { authorId: "g", sectionOwnerUnitIds: ["soc"] };
  const open = { organisationId: "o", status: "draft" as const };

  it("lets drafters of an owning unit decide, not the granskare who suggested", () => {
    expect(canDecideSuggestion(handlaggareBou, suggestion, open)).toBe(true);
    expect(canDecideSuggestion(granskare, suggestion, open)).toBe(false);
    expect(canDecideSuggestion(handlaggareEb, { ...suggestion, sectionOwnerUnitIds: ["bou"] }, open)).toBe(
      false,
    );
  });

  it("lets no one decide once the statement is finalised", () => {
    expect(canDecideSuggestion(handlaggareBou, suggestion, { ...open, status: "finalised" })).toBe(false);
  });
});

describe("comment bodies", () => {
  it("keeps line breaks, normalises them and trims the ends", () => {
    expect(commentBodySchema.parse("  Första raden\r\nAndra raden  ")).toBe("Första raden\nAndra raden");
  });

  it("refuses empty and overlong bodies with a Swedish message", () => {
    expect(commentBodySchema.safeParse("   ").error?.issues[0]?.message).toBe("Skriv en kommentar.");
    expect(commentBodySchema.safeParse("x".repeat(5001)).error?.issues[0]?.message).toBe(
      "En kommentar får vara högst 5000 tecken.",
    );
  });

  it("keeps markup as plain text", () => {
    expect(commentBodySchema.parse("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });
});
