"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
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
const unitInputId = (unitId: string) => `new-statement-unit-${unitId}`;
const templateInputId = (templateId: string) => `new-statement-template-${templateId}`;

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

interface TextFieldProps {
  field: NewStatementField;
  label: string;
  type?: "text" | "date";
  hint?: string;
  required?: boolean;
  error: string | undefined;
}

function TextField({ field, label, type = "text", hint, required = false, error }: TextFieldProps) {
  const describedBy = [hint ? hintId(field) : null, error ? errorId(field) : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={inputId(field)}>{label}</label>
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
  if (field === "preparingUnitIds" && units[0]) return unitInputId(units[0].id);
  if (field === "templateId" && templates[0]) return templateInputId(templates[0].id);
  return inputId(field);
}

/** The active templates as radio buttons, the first (the default) chosen; each lists its sections. */
function TemplateChoice({ templates, error }: { templates: TemplateOption[]; error: string | undefined }) {
  return (
    <fieldset
      className={error ? "field field-invalid" : "field"}
      aria-describedby={error ? errorId("templateId") : undefined}
    >
      <legend>Mall</legend>
      {error && (
        <p className="field-error" id={errorId("templateId")}>
          {error}
        </p>
      )}
      {templates.length === 0 ? (
        <p>Det finns ingen aktiv mall. Be en administratör att lägga upp en.</p>
      ) : (
        <ul className="checkbox-list template-choice">
          {templates.map((template, index) => (
            <li key={template.id}>
              <input
                type="radio"
                id={templateInputId(template.id)}
                name="templateId"
                value={template.id}
                defaultChecked={index === 0}
                aria-describedby={`${templateInputId(template.id)}-sections`}
              />
              <label htmlFor={templateInputId(template.id)}>{template.name}</label>
              <p className="field-hint" id={`${templateInputId(template.id)}-sections`}>
                {template.description ? `${template.description} ` : ""}
                Avsnitt: {template.sections.map((section) => section.title).join(", ")}.
              </p>
            </li>
          ))}
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

  const unitsError = fieldErrors.preparingUnitIds;
  const unitsDescribedBy = [hintId("preparingUnitIds"), unitsError ? errorId("preparingUnitIds") : null]
    .filter(Boolean)
    .join(" ");

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
        <TemplateChoice templates={templates} error={fieldErrors.templateId} />
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
        <fieldset
          className={unitsError ? "field field-invalid" : "field"}
          aria-describedby={unitsDescribedBy}
        >
          <legend>Beredande enheter</legend>
          <p className="field-hint" id={hintId("preparingUnitIds")}>
            De enheter som bereder ärendet. De blir ansvariga för utlåtandets avsnitt.
          </p>
          {unitsError && (
            <p className="field-error" id={errorId("preparingUnitIds")}>
              {unitsError}
            </p>
          )}
          {units.length === 0 ? (
            <p>Förvaltningen har inga enheter ännu. Be en administratör att lägga upp dem.</p>
          ) : (
            <ul className="checkbox-list">
              {units.map((unit) => (
                <li key={unit.id}>
                  <input
                    type="checkbox"
                    id={unitInputId(unit.id)}
                    name="preparingUnitIds"
                    value={unit.id}
                    aria-invalid={unitsError ? true : undefined}
                  />
                  <label htmlFor={unitInputId(unit.id)}>{unit.name}</label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
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
