"use client";

import { useState } from "react";
import type { z } from "zod";
import { notApprovedSchema } from "@/contracts/sign-off";
import type { StatementWorkflow } from "@/contracts/statements";
import { formatSwedishDateTime } from "@/domain/deadline";
import { api } from "./api-client";

type Refusal = z.infer<typeof notApprovedSchema> | { error: string; sections?: undefined };

/** The refusal's message, and the sections not approved when that is the reason. */
function refusalOf(answer: { error: string; body: unknown }): Refusal {
  const notApproved = notApprovedSchema.safeParse(answer.body);
  return notApproved.success ? notApproved.data : { error: answer.error };
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
  async function finalise() {
    setBusy(true);
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
      {workflow.canFinalise && (
        <button type="button" className="button" disabled={busy} onClick={() => void finalise()}>
          Justera tjänsteutlåtandet
        </button>
      )}
      {refusal && (
        <div className="form-error" role="alert">
          <p>{refusal.error}</p>
          {refusal.sections && (
            <ul>
              {refusal.sections.map((section) => (
                <li key={section.key}>
                  {section.title}: {section.state}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
