import { z } from "zod";

/*
 * What a user fills in to start a new statement from the template. Validated on the server; the
 * form sends its raw values, so blank optional fields arrive as "" and become null here.
 */

const isoDate = z.iso.date();

/** Blank optional inputs (missing, null, "", whitespace) all mean "not given". */
export function blankToNull(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "string" && value.trim() === "") return null;
  return value;
}

export function optionalText(maxLength: number, messages: { wrongType: string; tooLong: string }) {
  return z.preprocess(
    blankToNull,
    z.string({ error: messages.wrongType }).trim().max(maxLength, messages.tooLong).nullable(),
  );
}

function optionalIsoDate(invalid: string) {
  return z.preprocess(blankToNull, z.iso.date({ error: invalid }).nullable());
}

export const NEW_STATEMENT_MESSAGES = {
  recipientMissing: "Ange vem utlåtandet är till (nämnd).",
  recipientTooLong: "Till får vara högst 200 tecken.",
  titleMissing: "Ange en titel.",
  titleTooLong: "Titeln får vara högst 300 tecken.",
  diarienummerWrongType: "Ange diarienumret som text.",
  diarienummerTooLong: "Diarienumret får vara högst 50 tecken.",
  remissSenderWrongType: "Ange vem remissen kommer från som text.",
  remissSenderTooLong: "Remiss från får vara högst 200 tecken.",
  deadlineInvalid: "Ange svarstiden som ett giltigt datum (ÅÅÅÅ-MM-DD).",
  extendedDeadlineInvalid: "Ange förlängd svarstid som ett giltigt datum (ÅÅÅÅ-MM-DD).",
  extendedDeadlineBeforeDeadline: "Förlängd svarstid kan inte vara före ordinarie svarstid.",
  preparingUnitsMissing: "Välj minst en beredande enhet.",
  preparingUnitUnknown: "Välj beredande enheter i listan.",
  /** Checked when the statement is stored: the ids are well-formed but name no unit of the organisation. */
  preparingUnitNotInOrganisation:
    "En vald beredande enhet finns inte i din förvaltning. Välj enheter i listan.",
  templateUnknown: "Välj en mall i listan.",
  /** Checked when the statement is stored: the id names no active template of the organisation. */
  templateNotActive: "Den valda mallen finns inte längre eller är avaktiverad. Välj en annan mall.",
  noActiveTemplate: "Det finns ingen aktiv mall. Be en administratör att aktivera en mall.",
  notAnObject: "Skicka uppgifterna om tjänsteutlåtandet som ett JSON-objekt.",
} as const;

const messages = NEW_STATEMENT_MESSAGES;

export const newStatementSchema = z
  .object(
    {
      /** The template to start from; the organisation's first active template when not given. */
      templateId: z.preprocess(blankToNull, z.uuid({ error: messages.templateUnknown }).nullable()),
      recipient: z
        .string({ error: messages.recipientMissing })
        .trim()
        .min(1, messages.recipientMissing)
        .max(200, messages.recipientTooLong),
      title: z
        .string({ error: messages.titleMissing })
        .trim()
        .min(1, messages.titleMissing)
        .max(300, messages.titleTooLong),
      diarienummer: optionalText(50, {
        wrongType: messages.diarienummerWrongType,
        tooLong: messages.diarienummerTooLong,
      }),
      remissSender: optionalText(200, {
        wrongType: messages.remissSenderWrongType,
        tooLong: messages.remissSenderTooLong,
      }),
      deadline: optionalIsoDate(messages.deadlineInvalid),
      extendedDeadline: optionalIsoDate(messages.extendedDeadlineInvalid),
      preparingUnitIds: z
        .array(z.uuid({ error: messages.preparingUnitUnknown }), { error: messages.preparingUnitsMissing })
        .min(1, messages.preparingUnitsMissing)
        // A unit prepares a statement once, however often the client names it.
        .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
    },
    { error: messages.notAnObject },
  )
  .check((context) => {
    const { deadline, extendedDeadline } = context.value;
    if (deadline === null || extendedDeadline === null) return;
    // The check also runs when fields failed; an invalid date already has its own message.
    if (!isoDate.safeParse(deadline).success || !isoDate.safeParse(extendedDeadline).success) return;
    // ISO dates (YYYY-MM-DD) order as strings.
    if (extendedDeadline < deadline) {
      context.issues.push({
        code: "custom",
        path: ["extendedDeadline"],
        message: messages.extendedDeadlineBeforeDeadline,
        input: extendedDeadline,
      });
    }
  });

export type NewStatementInput = z.output<typeof newStatementSchema>;
export type NewStatementField = keyof NewStatementInput;
/** One message per field, as the form shows it next to the field. */
export type NewStatementFieldErrors = Partial<Record<NewStatementField, string>>;

/** The form's fields, in the order they stand on the page. */
export const NEW_STATEMENT_FIELDS: readonly NewStatementField[] = [
  "templateId",
  "recipient",
  "title",
  "diarienummer",
  "remissSender",
  "deadline",
  "extendedDeadline",
  "preparingUnitIds",
];

const FIELDS: ReadonlySet<string> = new Set<string>(NEW_STATEMENT_FIELDS);

function isField(name: PropertyKey | undefined): name is NewStatementField {
  return typeof name === "string" && FIELDS.has(name);
}

export interface NewStatementProblems {
  /** A problem with the request as a whole (not an object), or null. */
  formError: string | null;
  fieldErrors: NewStatementFieldErrors;
}

/** The first problem of each field; a field shows one message at a time. */
export function describeNewStatementProblems(error: z.ZodError): NewStatementProblems {
  const fieldErrors: NewStatementFieldErrors = {};
  let formError: string | null = null;
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (isField(field)) fieldErrors[field] ??= issue.message;
    else formError ??= issue.message;
  }
  return { formError, fieldErrors };
}
