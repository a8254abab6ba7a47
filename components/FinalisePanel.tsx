"use client";

import { useState } from "react";
import { notApprovedSchema } from "@/contracts/sign-off";
import type { StatementWorkflow } from "@/contracts/statements";
import { formatSwedishDateTime } from "@/domain/deadline";
import { SECTION_STATE_LABELS } from "@/domain/signoff";
import { api } from "./api-client";

interface Refusal {
  error: string;
  sections?: { key: string; title: string }[];
}

/** The refusal's message, and the sections not approved when that is the reason. */
function refusalOf(answer: { error: string; body: unknown }): Refusal {
  const notApproved = notApprovedSchema.safeParse(answer.body);
  return notApproved.success ? notApproved.data : { error: answer.error };
}

/** The refusal, narrowed to the sections that still lack approval; null once none do. */
function currentRefusal(refusal: Refusal | null, workflow: StatementWorkflow): Refusal | null {
  if (!refusal?.sections) return refusal;
  const unapproved = refusal.sections.filter((listed) =>
    workflow.sections.some((section) => section.key === listed.key && section.state !== "approved"),
  );
  return unapproved.length > 0 ? { ...refusal, sections: unapproved } : null;
}

/** Justering: who finalised and when, or the stadsdelsdirektör's control to finalise. */
export function FinalisePanel({
  workflow,
  onChanged,
}: {
  workflow: StatementWorkflow;
  onChanged: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  if (workflow.status === "finalised") {
    return (
      <section className="finalised-banner" aria-labelledby="finalised-heading" data-status="finalised">
        <h2 id="finalised-heading">Justerad</h2>
        <p>
          Justerad av {workflow.finalisedBy?.name ?? "okänd"}
          {workflow.finalisedAt && <> {formatSwedishDateTime(workflow.finalisedAt)}</>}. Texten är låst.
        </p>
      </section>
    );
  }
  const approved = workflow.sections.filter((section) => section.state === "approved").length;
  const shown = currentRefusal(refusal, workflow);
  async function finalise() {
    setBusy(true);
    setConfirming(false);
    setRefusal(null);
    const answer = await api.finalise(workflow.id);
    if (!answer.ok) setRefusal(refusalOf(answer));
    if (answer.ok || answer.status !== 0) await onChanged();
    setBusy(false);
  }
  return (
    <section className="finalise-panel" aria-labelledby="finalise-heading">
      <h2 id="finalise-heading">Justering</h2>
      <p>
        {approved} av {workflow.sections.length} avsnitt godkända.
      </p>
      {workflow.canFinalise && !confirming && (
        <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
          Justera tjänsteutlåtandet
        </button>
      )}
      {workflow.canFinalise && confirming && (
        <fieldset className="confirm-finalise" aria-labelledby="confirm-finalise-text">
          <p id="confirm-finalise-text">
            Justeringen låser texten för alla och kan inte ångras. Vill du justera tjänsteutlåtandet?
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void finalise()}>
            Ja, justera
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            Avbryt
          </button>
        </fieldset>
      )}
      {shown && (
        <div className="form-error" role="alert">
          <p>{shown.error}</p>
          {shown.sections && (
            <ul>
              {shown.sections.map((listed) => {
                const state = workflow.sections.find((section) => section.key === listed.key)?.state;
                return (
                  <li key={listed.key}>
                    {listed.title}: {state ? SECTION_STATE_LABELS[state] : "okänt läge"}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
