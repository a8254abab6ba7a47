import { z } from "zod";
import { blankToNull, newStatementSchema, optionalText } from "../domain/new-statement";

/*
 * PATCH /api/statements/:id/details: every field is optional; a field that is sent replaces the
 * stored value (lists replace the whole list). Validated the same way as a new statement.
 */

const fields = newStatementSchema.shape;

export const contactSchema = z.object({
  name: z.string({ error: "Ange handläggarens namn." }).trim().min(1, "Ange handläggarens namn.").max(200),
  title: optionalText(200, {
    wrongType: "Ange titeln som text.",
    tooLong: "Titeln får vara högst 200 tecken.",
  }),
  phone: optionalText(50, {
    wrongType: "Ange telefonnumret som text.",
    tooLong: "Telefonnumret får vara högst 50 tecken.",
  }),
  email: z.preprocess(blankToNull, z.email({ error: "Ange en giltig e-postadress." }).nullable()),
});

export const signatorySchema = z.object({
  name: z.string({ error: "Ange namnet på den som undertecknar." }).trim().min(1, "Ange ett namn.").max(200),
  title: z.string({ error: "Ange en titel." }).trim().min(1, "Ange en titel.").max(200),
});

export const statementDetailsPatchSchema = z
  .object(
    {
      recipient: fields.recipient.optional(),
      title: fields.title.optional(),
      diarienummer: fields.diarienummer.optional(),
      remissSender: fields.remissSender.optional(),
      deadline: fields.deadline.optional(),
      extendedDeadline: fields.extendedDeadline.optional(),
      statementDate: z
        .preprocess(
          (value) => (value === "" ? null : value),
          z.iso.date({ error: "Ange datumet som ett giltigt datum (ÅÅÅÅ-MM-DD)." }).nullable(),
        )
        .optional(),
      contacts: z.array(contactSchema).max(10, "Högst tio handläggare.").optional(),
      preparingUnitIds: fields.preparingUnitIds.optional(),
      signatories: z.array(signatorySchema).max(10, "Högst tio som undertecknar.").optional(),
    },
    { error: "Skicka uppgifterna som ett JSON-objekt." },
  )
  .strict();

export type StatementDetailsPatch = z.output<typeof statementDetailsPatchSchema>;
/** The patch as a client sends it: raw form values, which the server validates. */
export type StatementDetailsPatchInput = z.input<typeof statementDetailsPatchSchema>;
export type Contact = z.output<typeof contactSchema>;

/** 200: the fields whose value changed. */
export const statementDetailsResponseSchema = z.object({ changed: z.array(z.string()) });
export type StatementDetailsResponse = z.output<typeof statementDetailsResponseSchema>;
