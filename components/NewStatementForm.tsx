"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import type { DocxImportPreview, DocxUpload } from "@/contracts/statement-import";
import type { OrganisationUnit } from "@/contracts/statements";
import type { TemplateOption } from "@/contracts/templates";
import {
  NEW_STATEMENT_FIELDS,
  type NewStatementField,
  type NewStatementFieldErrors,
} from "@/domain/new-statement";
import { api } from "./api-client";
import { DocxImport } from "./DocxImport";

/** Summary entries follow the order of the fields on the page. */

const inputId = (field: NewStatementField) => `new-statement-${field}`;
const errorId = (field: NewStatementField) => `${inputId(field)}-error`;
const hintId = (field: NewStatementField) => `${inputId(field)}-hint`;
const CHOICE_ID_PREFIXES = { preparingUnitIds: "unit", templateId: "template" } as const;
type ChoiceField = keyof typeof CHOICE_ID_PREFIXES;
/** The id of one radio button or checkbox of a field: its value tells it from the others. */
const choiceInputId = (field: ChoiceField, value: string) =>
  `new-statement-${CHOICE_ID_PREFIXES[field]}-${value}`;

interface Problems {
  formError: string | null;
  fieldErrors: NewStatementFieldErrors;
}

const NO_PROBLEMS: Problems = { formError: null, fieldErrors: {} };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Only fields the form shows are kept, so every message has a place next to its field. */
function knownFieldErrors(value: unknown): NewStatementFieldErrors {
  if (!isRecord(value)) return {};
  const errors: NewStatementFieldErrors = {};
  for (const field of NEW_STATEMENT_FIELDS) {
    const message = value[field];
    if (typeof message === "string") errors[field] = message;
  }
  return errors;
}

function problemsFromAnswer(status: number, body: Record<string, unknown>): Problems {
  const serverMessage = typeof body.error === "string" ? body.error : null;
  if (status === 0) {
    return { formError: "Kunde inte nå servern. Kontrollera anslutningen och försök igen.", fieldErrors: {} };
  }
  if (status === 400) {
    return {
      formError: serverMessage ?? "Kontrollera uppgifterna.",
      fieldErrors: knownFieldErrors(body.fieldErrors),
    };
  }
  if (status === 401) return { formError: "Du är inte inloggad längre. Logga in igen.", fieldErrors: {} };
  if (status === 403) {
    return {
      formError: serverMessage ?? "Du har inte behörighet att skapa tjänsteutlåtanden.",
      fieldErrors: {},
    };
  }
  return { formError: "Tjänsteutlåtandet kunde inte skapas. Försök igen om en stund.", fieldErrors: {} };
}

function textValue(form: FormData, field: NewStatementField): string {
  const value = form.get(field);
  return typeof value === "string" ? value : "";
}

/** The ids of a field's hint and error, when it has them, for its aria-describedby. */
function messageIds(field: NewStatementField, hint: string | undefined, error: string | undefined): string {
  return [hint ? hintId(field) : null, error ? errorId(field) : null].filter(Boolean).join(" ");
}

/** A field's hint and its error, each when there is one, under the label or legend. */
function FieldMessages({ field, hint, error }: { field: NewStatementField; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p className="field-hint" id={hintId(field)}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId(field)}>
          {error}
        </p>
      )}
    </>
  );
}

interface TextFieldProps {
  field: NewStatementField;
  label: string;
  type?: "text" | "date";
  hint?: string;
  required?: boolean;
  error: string | undefined;
}

function TextField({ field, label, type = "text", hint, required = false, error }: TextFieldProps) {
  const describedBy = messageIds(field, hint, error);
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={inputId(field)}>{label}</label>
      <FieldMessages field={field} hint={hint} error={error} />
      <input
        id={inputId(field)}
        name={field}
        type={type}
        required={required}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

/** Where the error summary's link for a field leads: its input, or the first of its choices. */
function fieldAnchor(
  field: NewStatementField,
  units: OrganisationUnit[],
  templates: TemplateOption[],
): string {
  if (field === "preparingUnitIds" && units[0]) return choiceInputId(field, units[0].id);
  if (field === "templateId" && templates[0]) return choiceInputId(field, templates[0].id);
  return inputId(field);
}

interface Choice {
  value: string;
  label: string;
  /** Said under the label, and describing the input. */
  note?: ReactNode;
}

interface ChoiceFieldsetProps {
  field: ChoiceField;
  type: "radio" | "checkbox";
  legend: string;
  hint?: string;
  error: string | undefined;
  /** Said instead of the list when there is nothing to choose. */
  empty: string;
  choices: Choice[];
  listClassName?: string;
  /** Checks the first choice: the default of a radio group. */
  checkFirst?: boolean;
  /** Marks every input aria-invalid. */
  invalid?: boolean;
}

/** A field of radio buttons or checkboxes: legend, hint and error, then each input with its label. */
function ChoiceFieldset({
  field,
  type,
  legend,
  hint,
  error,
  empty,
  choices,
  listClassName = "checkbox-list",
  checkFirst = false,
  invalid = false,
}: ChoiceFieldsetProps) {
  const describedBy = messageIds(field, hint, error);
  return (
    <fieldset className={error ? "field field-invalid" : "field"} aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      <FieldMessages field={field} hint={hint} error={error} />
      {choices.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className={listClassName}>
          {choices.map(({ value, label, note }, index) => {
            const id = choiceInputId(field, value);
            return (
              <li key={value}>
                <input
                  type={type}
                  id={id}
                  name={field}
                  value={value}
                  defaultChecked={checkFirst ? index === 0 : undefined}
                  aria-invalid={invalid ? true : undefined}
                  aria-describedby={note ? `${id}-note` : undefined}
                />
                <label htmlFor={id}>{label}</label>
                {note && (
                  <p className="field-hint" id={`${id}-note`}>
                    {note}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

export function NewStatementForm({
  units,
  templates,
}: {
  units: OrganisationUnit[];
  templates: TemplateOption[];
}) {
  const router = useRouter();
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [pending, setPending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [docx, setDocx] = useState<DocxUpload | null>(null);

  /** Puts the details found in a Word file into the form, for the user to check. */
  function fillFromDocx(file: DocxUpload, preview: DocxImportPreview) {
    setDocx(file);
    const form = formRef.current;
    if (!form) return;
    const { preparingUnitIds, signatories: _signatories, ...texts } = preview.proposal;
    for (const [field, value] of Object.entries(texts)) {
      const input = form.elements.namedItem(field);
      if (input instanceof HTMLInputElement) input.value = value ?? "";
    }
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="preparingUnitIds"]')) {
      box.checked = preparingUnitIds.includes(box.value);
    }
  }
  const { fieldErrors, formError } = problems;
  const listedErrors = NEW_STATEMENT_FIELDS.flatMap((field) => {
    const message = fieldErrors[field];
    return message ? [{ field, message }] : [];
  });
  const hasProblems = formError !== null || listedErrors.length > 0;

  // Keyboard and screen reader users land on the summary, which links to each field in error.
  useEffect(() => {
    if (problems !== NO_PROBLEMS) summaryRef.current?.focus();
  }, [problems]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      templateId: textValue(form, "templateId"),
      recipient: textValue(form, "recipient"),
      title: textValue(form, "title"),
      diarienummer: textValue(form, "diarienummer"),
      remissSender: textValue(form, "remissSender"),
      deadline: textValue(form, "deadline"),
      extendedDeadline: textValue(form, "extendedDeadline"),
      preparingUnitIds: form.getAll("preparingUnitIds").filter((value) => typeof value === "string"),
    };
    setPending(true);
    const answer = await (docx ? api.importStatement(docx, body) : api.createStatement(body));
    if (answer.ok) {
      // The button stays disabled while the new statement opens, so it cannot be created twice.
      router.push(`/statements/${answer.data.id}`);
      return;
    }
    setPending(false);
    setProblems(problemsFromAnswer(answer.status, answer.body));
  }

  return (
    <>
      <DocxImport onImported={fillFromDocx} />
      <form className="statement-form" onSubmit={submit} noValidate ref={formRef}>
        {hasProblems && (
          <div
            className="error-summary"
            role="alert"
            aria-labelledby="new-statement-error-summary"
            tabIndex={-1}
            ref={summaryRef}
          >
            <h2 id="new-statement-error-summary">Tjänsteutlåtandet kunde inte skapas</h2>
            {formError && <p>{formError}</p>}
            {listedErrors.length > 0 && (
              <ul>
                {listedErrors.map(({ field, message }) => (
                  <li key={field}>
                    <a href={`#${fieldAnchor(field, units, templates)}`}>{message}</a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <p className="muted">
          Till, Titel och minst en beredande enhet måste fyllas i. Övriga uppgifter kan läggas till senare.
        </p>
        {/* The active templates, the first (the default) chosen; each lists its sections. */}
        <ChoiceFieldset
          field="templateId"
          type="radio"
          legend="Mall"
          error={fieldErrors.templateId}
          empty="Det finns ingen aktiv mall. Be en administratör att lägga upp en."
          choices={templates.map((template) => ({
            value: template.id,
            label: template.name,
            note: `${template.description ? `${template.description} ` : ""}Avsnitt: ${template.sections
              .map((section) => section.title)
              .join(", ")}.`,
          }))}
          listClassName="checkbox-list template-choice"
          checkFirst
        />
        <TextField
          field="recipient"
          label="Till"
          hint="Nämnden som utlåtandet riktas till, till exempel Hässelby-Vällingby stadsdelsnämnd."
          required
          error={fieldErrors.recipient}
        />
        <TextField field="title" label="Titel" required error={fieldErrors.title} />
        <TextField field="diarienummer" label="Diarienummer" error={fieldErrors.diarienummer} />
        <TextField
          field="remissSender"
          label="Remiss från"
          hint="Den som skickat remissen, till exempel Kommunstyrelsen."
          error={fieldErrors.remissSender}
        />
        <div className="field-row">
          <TextField field="deadline" label="Svarstid" type="date" error={fieldErrors.deadline} />
          <TextField
            field="extendedDeadline"
            label="Förlängd svarstid"
            type="date"
            error={fieldErrors.extendedDeadline}
          />
        </div>
        <ChoiceFieldset
          field="preparingUnitIds"
          type="checkbox"
          legend="Beredande enheter"
          hint="De enheter som bereder ärendet. De blir ansvariga för utlåtandets avsnitt."
          error={fieldErrors.preparingUnitIds}
          empty="Förvaltningen har inga enheter ännu. Be en administratör att lägga upp dem."
          choices={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          invalid={Boolean(fieldErrors.preparingUnitIds)}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={pending}>
            {pending
              ? "Skapar…"
              : docx
                ? "Skapa tjänsteutlåtande från Word-dokumentet"
                : "Skapa tjänsteutlåtande"}
          </button>
          <Link href="/">Avbryt</Link>
        </div>
      </form>
    </>
  );
}
