import { describe, expect, it } from "vitest";
import { statementDetailsPatchSchema } from "../../contracts/statement-details";
import { getStatementDetail } from "../../db/queries/statements";
import type { StatementEvent } from "../../events/statement-events";
import { finalise } from "../../workflow/sign-off";
import { updateStatementDetails } from "../../workflow/statement-details";
import { commentHelpers } from "../support/comments";
import { collabFixture } from "../support/fixture";
import { signOffHelpers } from "../support/sign-off";
import {
  AVDELNINGSCHEF,
  DIREKTOR,
  expectOk,
  expectRefusal,
  GRANSKARE,
  HANDLAGGARE_EB,
} from "../support/workflow";

const collab = collabFixture();
const signOff = signOffHelpers(collab);
const { db, seed } = signOff;

const patch = (body: unknown) => statementDetailsPatchSchema.parse(body);

describe("statement details", () => {
  it("holds the seed's signatories from the import", async () => {
    const statement = await getStatementDetail(db(), seed());
    expect(statement?.signatories).toEqual([
      { name: "Leif Spjuth", title: "stadsdelsdirektör" },
      { name: "Ingrid Brännström", title: "avdelningschef" },
    ]);
  });

  it("lets a drafter change them, audits old and new values, and tells open pages", async () => {
    const events: StatementEvent[] = [];
    const unsubscribe = collab.server.services.statementEvents.subscribe(seed(), (event) =>
      events.push(event),
    );
    const contacts = [
      { name: "Sara Lindqvist", title: "utredare", phone: "08-508 00 000", email: "sara@demo.test" },
    ];
    const result = expectOk(
      await updateStatementDetails(
        db(),
        await signOff.user(HANDLAGGARE_EB),
        seed(),
        patch({
          statementDate: "2011-08-15",
          diarienummer: "1.5-77/2011",
          contacts,
          signatories: [{ name: "Ingrid Brännström", title: "avdelningschef" }],
          title: "Om ökad jämlikhet",
        }),
      ),
    );
    unsubscribe();
    expect(result.changed.sort()).toEqual([
      "contacts",
      "diarienummer",
      "signatories",
      "statementDate",
      "title",
    ]);
    const statement = await getStatementDetail(db(), seed());
    expect(statement).toMatchObject({
      statementDate: "2011-08-15",
      diarienummer: "1.5-77/2011",
      title: "Om ökad jämlikhet",
      contacts,
      signatories: [{ name: "Ingrid Brännström", title: "avdelningschef" }],
    });
    const [audit] = await signOff.audit("statement.details.changed");
    expect(audit?.details).toMatchObject({
      changes: { diarienummer: { from: null, to: "1.5-77/2011" }, statementDate: { to: "2011-08-15" } },
    });
    expect(events).toEqual([{ statementId: seed(), kind: "details" }]);

    // Sending the same values again changes and audits nothing.
    const again = expectOk(
      await updateStatementDetails(db(), await signOff.user(AVDELNINGSCHEF), seed(), patch({ contacts })),
    );
    expect(again.changed).toEqual([]);
    expect(await signOff.audit("statement.details.changed")).toHaveLength(1);
  });

  it("refuses granskare (403), other organisations (404), bad dates (400) and a justerad statement (409)", async () => {
    const change = patch({ statementDate: "2011-08-15" });
    expectRefusal(
      await updateStatementDetails(db(), await signOff.user(GRANSKARE), seed(), change),
      "forbidden",
    );
    const outsider = await commentHelpers(collab).outsider();
    expectRefusal(await updateStatementDetails(db(), outsider, seed(), change), "not-found");
    expect(statementDetailsPatchSchema.safeParse({ statementDate: "15 aug" }).success).toBe(false);
    expectRefusal(
      await updateStatementDetails(
        db(),
        await signOff.user(HANDLAGGARE_EB),
        seed(),
        patch({ deadline: "2011-09-01", extendedDeadline: "2011-08-01" }),
      ),
      "invalid",
    );

    await signOff.approveEverySection();
    expectOk(await finalise(db(), await signOff.user(DIREKTOR), seed()));
    const refused = expectRefusal(
      await updateStatementDetails(db(), await signOff.user(HANDLAGGARE_EB), seed(), change),
      "conflict",
    );
    expect(refused.error).toMatch(/justerat/);
    expect((await getStatementDetail(db(), seed()))?.statementDate).toBeNull();
  });
});
