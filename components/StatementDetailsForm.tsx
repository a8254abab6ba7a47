"use client";

import { type FormEvent, useState } from "react";
import type { OrganisationUnit, StatementWorkflow } from "@/contracts/statements";
import { api, problemOf } from "./api-client";

type ContactRow = { name: string; title: string; phone: string; email: string };
type SignatoryRow = { name: string; title: string };

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The list with the row at `index` swapped with the one before it. */
function moveUp<T>(rows: T[], index: number): T[] {
  const moved = [...rows];
  const [row] = moved.splice(index, 1);
  if (row !== undefined) moved.splice(index - 1, 0, row);
  return moved;
}

/** The rows with one field of the row at `index` set to `value`. */
function withField<Row>(rows: Row[], index: number, field: keyof Row, value: string): Row[] {
  return rows.map((row, at) => (at === index ? { ...row, [field]: value } : row));
}

/** The form for a statement's details; every field is sent, and the server keeps what changed. */
export function StatementDetailsForm({
  statement,
  units,
  onDone,
}: {
  statement: StatementWorkflow;
  units: OrganisationUnit[];
  onDone: () => void;
}) {
  const [contacts, setContacts] = useState<ContactRow[]>(
    statement.contacts.map((contact) => ({
      name: contact.name,
      title: contact.title ?? "",
      phone: contact.phone ?? "",
      email: contact.email ?? "",
    })),
  );
  const [signatories, setSignatories] = useState<SignatoryRow[]>(statement.signatories);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const unitIds = new Set(statement.preparingUnits.map((unit) => unit.id));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const answer = await api.updateDetails(statement.id, {
      recipient: text(form, "recipient"),
      title: text(form, "title"),
      diarienummer: text(form, "diarienummer"),
      remissSender: text(form, "remissSender"),
      deadline: text(form, "deadline"),
      extendedDeadline: text(form, "extendedDeadline"),
      statementDate: text(form, "statementDate"),
      preparingUnitIds: form.getAll("preparingUnitIds").filter((value) => typeof value === "string"),
      contacts: contacts.filter((contact) => contact.name.trim() !== ""),
      signatories: signatories.filter((signatory) => signatory.name.trim() !== ""),
    });
    const problem = problemOf(answer);
    setPending(false);
    setError(problem);
    if (problem === null) onDone();
  }

  const field = (name: string, label: string, value: string | null, type = "text") => (
    <div className="field">
      <label htmlFor={`details-${name}`}>{label}</label>
      <input id={`details-${name}`} name={name} type={type} defaultValue={value ?? ""} />
    </div>
  );

  return (
    <form className="statement-form details-form" onSubmit={submit} aria-label="Ändra uppgifter">
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {field("recipient", "Till", statement.recipient)}
      {field("title", "Titel", statement.title)}
      {field("diarienummer", "Diarienummer", statement.diarienummer)}
      {field("remissSender", "Remiss från", statement.remissSender)}
      <div className="field-row">
        {field("statementDate", "Datum", statement.statementDate, "date")}
        {field("deadline", "Svarstid", statement.deadline, "date")}
        {field("extendedDeadline", "Förlängd svarstid", statement.extendedDeadline, "date")}
      </div>
      <fieldset className="field">
        <legend>Handläggare</legend>
        {contacts.map((contact, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div className="field-row" key={index}>
            {(["name", "title", "phone", "email"] as const).map((part) => (
              <div className="field" key={part}>
                <label htmlFor={`contact-${index}-${part}`}>
                  {{ name: "Namn", title: "Titel", phone: "Telefon", email: "E-post" }[part]}
                </label>
                <input
                  id={`contact-${index}-${part}`}
                  type={part === "email" ? "email" : "text"}
                  value={contact[part]}
                  onChange={(event) => setContacts(withField(contacts, index, part, event.target.value))}
                />
              </div>
            ))}
            <button
              type="button"
              className="button secondary"
              onClick={() => setContacts(contacts.filter((_, at) => at !== index))}
            >
              Ta bort handläggare {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => setContacts([...contacts, { name: "", title: "", phone: "", email: "" }])}
        >
          Lägg till handläggare
        </button>
      </fieldset>
      <fieldset className="field">
        <legend>Beredande enheter</legend>
        <ul className="checkbox-list">
          {units.map((unit) => (
            <li key={unit.id}>
              <input
                type="checkbox"
                id={`details-unit-${unit.id}`}
                name="preparingUnitIds"
                value={unit.id}
                defaultChecked={unitIds.has(unit.id)}
              />
              <label htmlFor={`details-unit-${unit.id}`}>{unit.name}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="field">
        <legend>Undertecknas av (i ordning)</legend>
        {signatories.map((signatory, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div className="field-row" key={index}>
            {(["name", "title"] as const).map((part) => (
              <div className="field" key={part}>
                <label htmlFor={`signatory-${index}-${part}`}>{part === "name" ? "Namn" : "Titel"}</label>
                <input
                  id={`signatory-${index}-${part}`}
                  type="text"
                  value={signatory[part]}
                  onChange={(event) =>
                    setSignatories(withField(signatories, index, part, event.target.value))
                  }
                />
              </div>
            ))}
            {index > 0 && (
              <button
                type="button"
                className="button secondary"
                onClick={() => setSignatories(moveUp(signatories, index))}
              >
                Flytta upp undertecknare {index + 1}
              </button>
            )}
            <button
              type="button"
              className="button secondary"
              onClick={() => setSignatories(signatories.filter((_, at) => at !== index))}
            >
              Ta bort undertecknare {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => setSignatories([...signatories, { name: "", title: "" }])}
        >
          Lägg till undertecknare
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Sparar…" : "Spara uppgifter"}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
