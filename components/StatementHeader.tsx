"use client";

import { useCallback, useState } from "react";
import type { OrganisationUnit, StatementWorkflow } from "@/contracts/statements";
import { formatSwedishDate } from "@/domain/deadline";
import { api } from "./api-client";
import { StatementDeadline } from "./Deadline";
import { ExportLinks } from "./ExportLinks";
import { StatementDetailsForm } from "./StatementDetailsForm";
import { useStatementEvents } from "./useStatementEvents";

/** The statement's details, kept live, with a form to change them for those who may. */
export function StatementHeader({
  initial,
  units,
}: {
  initial: StatementWorkflow;
  units: OrganisationUnit[];
}) {
  const [statement, setStatement] = useState(initial);
  const [editing, setEditing] = useState(false);
  const refresh = useCallback(async () => {
    const answer = await api.statement(initial.id);
    if (answer.ok) setStatement(answer.data);
  }, [initial.id]);
  useStatementEvents(initial.id, (kind) => {
    if (kind === "details" || kind === "status" || kind === null) void refresh();
  });
  const editable = statement.canEditText && statement.status === "draft";

  return (
    <header className="statement-header">
      <p className="muted">Tjänsteutlåtande</p>
      <h1>{statement.title}</h1>
      <ExportLinks statementId={statement.id} showDocumentLink />
      {editing && editable ? (
        <StatementDetailsForm
          statement={statement}
          units={units}
          onDone={() => {
            setEditing(false);
            void refresh();
          }}
        />
      ) : (
        <>
          <dl className="metadata">
            <div>
              <dt>Till</dt>
              <dd>{statement.recipient}</dd>
            </div>
            <div>
              <dt>Diarienummer</dt>
              <dd>{statement.diarienummer ?? "–"}</dd>
            </div>
            <div>
              <dt>Datum</dt>
              <dd>{statement.statementDate ? formatSwedishDate(statement.statementDate) : "–"}</dd>
            </div>
            <div>
              <dt>Remiss från</dt>
              <dd>{statement.remissSender ?? "–"}</dd>
            </div>
            <div>
              <dt>Svarstid</dt>
              <dd>
                <StatementDeadline statement={statement} />
              </dd>
            </div>
            <div>
              <dt>Handläggare</dt>
              <dd>
                {statement.contacts
                  .map((contact) =>
                    [contact.name, contact.title, contact.phone, contact.email].filter(Boolean).join(", "),
                  )
                  .join("; ") || "–"}
              </dd>
            </div>
            <div>
              <dt>Beredande enheter</dt>
              <dd>{statement.preparingUnits.map((unit) => unit.name).join(", ") || "–"}</dd>
            </div>
            <div>
              <dt>Undertecknas av</dt>
              <dd>
                {statement.signatories
                  .map((signatory) => `${signatory.name}, ${signatory.title}`)
                  .join("; ") || "–"}
              </dd>
            </div>
          </dl>
          {editable && (
            <button type="button" className="button secondary" onClick={() => setEditing(true)}>
              Ändra uppgifter
            </button>
          )}
        </>
      )}
    </header>
  );
}
