import { describe, expect, it } from "vitest";
import { loadStatementWorkflow } from "../../workflow/statement-workflow";
import { collabFixture } from "../support/fixture";
import { AVDELNING_SECTIONS, YTTRANDE } from "../support/sections";
import {
  AVDELNINGSCHEF,
  ENHETSCHEF_EB,
  GRANSKARE,
  HANDLAGGARE_BOU,
  HANDLAGGARE_EB,
  sessionUserOf,
} from "../support/workflow";

const collab = collabFixture();

/** The keys of the seed statement's sections the user may edit, as the statement's API reports them. */
async function editableKeys(email: string): Promise<string[]> {
  const user = await sessionUserOf(collab, email);
  const lookup = await loadStatementWorkflow(
    collab.database.connection.db,
    user,
    collab.database.seedStatementId,
  );
  if (!lookup.found) throw new Error(`No statement: ${lookup.kind}`);
  return lookup.workflow.sections.filter((section) => section.editableByMe).map((section) => section.key);
}

describe("who may edit which section (editableByMe)", () => {
  it("names the seed's coordinator, Sara Lindqvist, who edits every section", async () => {
    const user = await sessionUserOf(collab, HANDLAGGARE_BOU);
    const lookup = await loadStatementWorkflow(
      collab.database.connection.db,
      user,
      collab.database.seedStatementId,
    );
    if (!lookup.found) throw new Error("No statement");
    expect(lookup.workflow.coordinator?.name).toBe("Sara Lindqvist");
    expect(await editableKeys(HANDLAGGARE_BOU)).toHaveLength(AVDELNING_SECTIONS.length + 1);
  });

  it("lets an enhet's handläggare edit the enheter's section only", async () => {
    expect(await editableKeys(HANDLAGGARE_EB)).toEqual([YTTRANDE]);
  });

  it("lets chefs edit the sections they approve, and granskare none", async () => {
    expect(await editableKeys(ENHETSCHEF_EB)).toEqual([YTTRANDE]);
    expect((await editableKeys(AVDELNINGSCHEF)).sort()).toEqual([...AVDELNING_SECTIONS].sort());
    expect(await editableKeys(GRANSKARE)).toEqual([]);
  });
});
