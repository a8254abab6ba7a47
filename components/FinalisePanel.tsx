"use client";

import { useState } from "react";
import { formatSwedishDateTime } from "@/domain/deadline";
import type { StatementWorkflow } from "@/workflow/statement-workflow";

interface Refusal {
  error: string;
  sections?: { key: string; title: string; state: string }[];
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
    try {
      const response = await fetch(`/api/statements/${workflow.id}/finalise`, {
        method: "POST",
        headers: { "content-type": "application/json" },
      });
      if (!response.ok) setRefusal((await response.json()) as Refusal);
      await onChanged();
    } catch {
      setRefusal({ error: "Servern kunde inte nås. Försök igen." });
    } finally {
      setBusy(false);
    }
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
