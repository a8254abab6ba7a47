import { describe, expect, it } from "vitest";
import {
  describeNewStatementProblems,
  NEW_STATEMENT_MESSAGES as MESSAGES,
  type NewStatementProblems,
  newStatementSchema,
} from "./new-statement";

const BOU = "6f1c1b1e-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
const EB = "0b6c2f4e-8d7a-4c1b-9e3f-5a6b7c8d9e0f";

const complete = {
  recipient: "  Hässelby-Vällingby stadsdelsnämnd ",
  title: " Remiss om ökad jämlikhet ",
  diarienummer: " 1.5.2-345/2024 ",
  remissSender: "Kommunstyrelsen",
  deadline: "2024-09-01",
  extendedDeadline: "2024-10-01",
  preparingUnitIds: [BOU, EB],
};

/** The problems of an input that must be refused. */
function problemsOf(input: unknown): NewStatementProblems {
  const result = newStatementSchema.safeParse(input);
  if (result.success) throw new Error(`Expected a refusal, got ${JSON.stringify(result.data)}`);
  return describeNewStatementProblems(result.error);
}

function fieldErrorsOf(input: unknown) {
  return problemsOf(input).fieldErrors;
}

describe("new statement input", () => {
  it("accepts a complete statement and trims its texts", () => {
    expect(newStatementSchema.parse({ ...complete, templateId: BOU.toUpperCase() })).toEqual({
      templateId: BOU.toUpperCase(),
      recipient: "Hässelby-Vällingby stadsdelsnämnd",
      title: "Remiss om ökad jämlikhet",
      diarienummer: "1.5.2-345/2024",
      remissSender: "Kommunstyrelsen",
      deadline: "2024-09-01",
      extendedDeadline: "2024-10-01",
      preparingUnitIds: [BOU, EB],
    });
  });

  it("takes a template only by a well-formed id", () => {
    expect(fieldErrorsOf({ ...complete, templateId: "remissvar" })).toEqual({
      templateId: MESSAGES.templateUnknown,
    });
  });

  it("turns missing, null and blank optional fields into null", () => {
    const minimal = { recipient: "Nämnden", title: "Titel", preparingUnitIds: [BOU] };
    const expected = {
      ...minimal,
      templateId: null,
      diarienummer: null,
      remissSender: null,
      deadline: null,
      extendedDeadline: null,
    };
    expect(newStatementSchema.parse(minimal)).toEqual(expected);
    expect(
      newStatementSchema.parse({
        ...minimal,
        diarienummer: "   ",
        remissSender: "",
        deadline: "",
        extendedDeadline: null,
      }),
    ).toEqual(expected);
  });

  it("names each preparing unit once, in the order given", () => {
    const parsed = newStatementSchema.parse({ ...complete, preparingUnitIds: [EB, BOU, EB.toUpperCase()] });
    expect(parsed.preparingUnitIds).toEqual([EB, BOU]);
  });

  it("reports every missing required field at once, in Swedish", () => {
    expect(fieldErrorsOf({})).toEqual({
      recipient: MESSAGES.recipientMissing,
      title: MESSAGES.titleMissing,
      preparingUnitIds: MESSAGES.preparingUnitsMissing,
    });
    expect(MESSAGES.recipientMissing).toBe("Ange vem utlåtandet är till (nämnd).");
    expect(MESSAGES.titleMissing).toBe("Ange en titel.");
    expect(MESSAGES.preparingUnitsMissing).toBe("Välj minst en beredande enhet.");
  });

  it("refuses a blank recipient and title", () => {
    expect(fieldErrorsOf({ ...complete, recipient: "   ", title: "\n" })).toEqual({
      recipient: MESSAGES.recipientMissing,
      title: MESSAGES.titleMissing,
    });
  });

  it("refuses texts over their length limits, measured after trimming", () => {
    expect(newStatementSchema.safeParse({ ...complete, recipient: ` ${"a".repeat(200)} ` }).success).toBe(
      true,
    );
    expect(fieldErrorsOf({ ...complete, recipient: "a".repeat(201) })).toEqual({
      recipient: MESSAGES.recipientTooLong,
    });
    expect(fieldErrorsOf({ ...complete, title: "a".repeat(301) })).toEqual({ title: MESSAGES.titleTooLong });
    expect(fieldErrorsOf({ ...complete, diarienummer: "1".repeat(51) })).toEqual({
      diarienummer: MESSAGES.diarienummerTooLong,
    });
    expect(fieldErrorsOf({ ...complete, remissSender: "a".repeat(201) })).toEqual({
      remissSender: MESSAGES.remissSenderTooLong,
    });
  });

  it("refuses values of the wrong type with the field's own message", () => {
    expect(
      fieldErrorsOf({ ...complete, recipient: 7, title: ["x"], diarienummer: 12, remissSender: {} }),
    ).toEqual({
      recipient: MESSAGES.recipientMissing,
      title: MESSAGES.titleMissing,
      diarienummer: MESSAGES.diarienummerWrongType,
      remissSender: MESSAGES.remissSenderWrongType,
    });
  });

  it("refuses dates that are not ISO dates or not real days", () => {
    expect(fieldErrorsOf({ ...complete, deadline: "1 september 2024", extendedDeadline: null })).toEqual({
      deadline: MESSAGES.deadlineInvalid,
    });
    expect(fieldErrorsOf({ ...complete, deadline: "2023-02-29", extendedDeadline: "2024-13-01" })).toEqual({
      deadline: MESSAGES.deadlineInvalid,
      extendedDeadline: MESSAGES.extendedDeadlineInvalid,
    });
    expect(newStatementSchema.safeParse({ ...complete, deadline: "2024-02-29" }).success).toBe(true);
  });

  it("refuses an extended deadline before the deadline, and accepts one on the same day", () => {
    expect(fieldErrorsOf({ ...complete, deadline: "2024-09-01", extendedDeadline: "2024-08-31" })).toEqual({
      extendedDeadline: "Förlängd svarstid kan inte vara före ordinarie svarstid.",
    });
    expect(
      newStatementSchema.safeParse({ ...complete, deadline: "2024-09-01", extendedDeadline: "2024-09-01" })
        .success,
    ).toBe(true);
  });

  it("compares the deadlines only when both are given and valid", () => {
    expect(
      newStatementSchema.safeParse({ ...complete, deadline: "", extendedDeadline: "2024-01-01" }).success,
    ).toBe(true);
    expect(fieldErrorsOf({ ...complete, deadline: "2024-09-31", extendedDeadline: "2024-09-01" })).toEqual({
      deadline: MESSAGES.deadlineInvalid,
    });
  });

  it("reports the deadline order together with other problems", () => {
    expect(
      fieldErrorsOf({ ...complete, title: "", deadline: "2024-09-01", extendedDeadline: "2024-08-01" }),
    ).toEqual({ title: MESSAGES.titleMissing, extendedDeadline: MESSAGES.extendedDeadlineBeforeDeadline });
  });

  it("needs at least one preparing unit, named by uuid", () => {
    expect(fieldErrorsOf({ ...complete, preparingUnitIds: [] })).toEqual({
      preparingUnitIds: MESSAGES.preparingUnitsMissing,
    });
    expect(fieldErrorsOf({ ...complete, preparingUnitIds: BOU })).toEqual({
      preparingUnitIds: MESSAGES.preparingUnitsMissing,
    });
    expect(fieldErrorsOf({ ...complete, preparingUnitIds: [BOU, "bou"] })).toEqual({
      preparingUnitIds: MESSAGES.preparingUnitUnknown,
    });
  });

  it("refuses a body that is not an object as a whole", () => {
    for (const body of [null, [], "text", 3]) {
      expect(problemsOf(body)).toEqual({ formError: MESSAGES.notAnObject, fieldErrors: {} });
    }
  });
});
