import { describe, expect, it } from "vitest";
import {
  type Actor,
  actorUnitIds,
  canCreateStatement,
  canEditStatementText,
  canReadStatement,
} from "./access";

const ORG = "org-1";
const draft = { organisationId: ORG, status: "draft" as const };
const finalised = { organisationId: ORG, status: "finalised" as const };

function actor(role: Actor["roles"][number]["role"], organisationId = ORG): Actor {
  return { id: "u", organisationId, roles: [{ role, unitId: null }] };
}

describe("statement access", () => {
  it("lets members of the statement's organisation read it", () => {
    expect(canReadStatement(actor("granskare"), draft)).toBe(true);
    expect(canReadStatement(actor("handlaggare", "other-org"), draft)).toBe(false);
  });

  it("refuses a user without any role", () => {
    expect(canReadStatement({ id: "u", organisationId: ORG, roles: [] }, draft)).toBe(false);
  });

  it("lets drafters write and keeps granskare and administratörer read-only", () => {
    expect(canEditStatementText(actor("handlaggare"), draft)).toBe(true);
    expect(canEditStatementText(actor("enhetschef"), draft)).toBe(true);
    expect(canEditStatementText(actor("granskare"), draft)).toBe(false);
    expect(canEditStatementText(actor("admin"), draft)).toBe(false);
  });

  it("freezes a finalised statement for everyone", () => {
    expect(canEditStatementText(actor("handlaggare"), finalised)).toBe(false);
    expect(canEditStatementText(actor("stadsdelsdirektor"), finalised)).toBe(false);
  });

  it("refuses writes from another organisation", () => {
    expect(canEditStatementText(actor("handlaggare", "other-org"), draft)).toBe(false);
  });
});

describe("creating statements", () => {
  it("lets every drafting role create a statement", () => {
    for (const role of ["handlaggare", "enhetschef", "avdelningschef", "stadsdelsdirektor"] as const) {
      expect(canCreateStatement(actor(role)), role).toBe(true);
    }
  });

  it("refuses granskare, administratörer and users without a role", () => {
    expect(canCreateStatement(actor("granskare"))).toBe(false);
    expect(canCreateStatement(actor("admin"))).toBe(false);
    expect(canCreateStatement({ id: "u", organisationId: ORG, roles: [] })).toBe(false);
  });

  it("lets a user who is also granskare create when another of their roles drafts", () => {
    const both: Actor = {
      id: "u",
      organisationId: ORG,
      roles: [
        { role: "granskare", unitId: null },
        { role: "handlaggare", unitId: "bou" },
      ],
    };
    expect(canCreateStatement(both)).toBe(true);
  });
});

describe("actorUnitIds", () => {
  it("lists the units the actor holds a role in, skipping roles held without a unit", () => {
    const roles: Actor["roles"] = [
      { role: "handlaggare", unitId: "bou" },
      { role: "granskare", unitId: null },
      { role: "enhetschef", unitId: "eb" },
    ];
    expect(actorUnitIds({ roles })).toEqual(["bou", "eb"]);
  });
});
