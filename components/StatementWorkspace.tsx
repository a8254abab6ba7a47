"use client";

import Link from "next/link";
import { useMemo } from "react";
import type { PresenceIdentity } from "@/domain/presence";
import type { StatementWorkflow } from "@/workflow/statement-workflow";
import { ConnectionStatus } from "./ConnectionStatus";
import { FinalisePanel } from "./FinalisePanel";
import { PresenceList } from "./PresenceList";
import { usePresence } from "./presence";
import { SectionEditor } from "./SectionEditor";
import { SectionSignOff } from "./SectionSignOff";
import { useCollaboration } from "./useCollaboration";
import { useWorkflow } from "./useWorkflow";

interface StatementWorkspaceProps {
  initialWorkflow: StatementWorkflow;
  me: PresenceIdentity;
  /** Units the viewer belongs to: their sections are marked as theirs. */
  myUnitIds: string[];
}

export function StatementWorkspace({ initialWorkflow, me, myUnitIds }: StatementWorkspaceProps) {
  const { workflow, refresh } = useWorkflow(initialWorkflow);
  const { doc, provider, state, loaded, refusal } = useCollaboration(workflow.id);
  const present = usePresence(provider, me);
  const sectionTitles = useMemo(
    () => new Map(workflow.sections.map((section) => [section.key, section.title])),
    [workflow.sections],
  );
  const finalised = workflow.status === "finalised";
  return (
    <div className="workspace">
      <div className="workspace-bar">
        <ConnectionStatus state={state} />
        {!workflow.canEditText && (
          <p className="read-only-note">
            {finalised ? "Utlåtandet är justerat och kan inte ändras." : "Du kan läsa men inte ändra texten."}
          </p>
        )}
        <Link href={`/statements/${workflow.id}/audit`} className="audit-link">
          Händelselogg
        </Link>
      </div>
      {refusal && (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      )}
      <div className="workspace-columns">
        <div className="sections">
          {workflow.sections.map((section) => {
            const headingId = `section-${section.key}`;
            const mine = section.owners.some((owner) => myUnitIds.includes(owner.id));
            const here = present.filter((user) => user.section === section.key && !user.isMe);
            const fragment = loaded ? doc.getXmlFragment(section.key) : null;
            return (
              <section
                key={section.key}
                className={mine ? "statement-section mine" : "statement-section"}
                aria-labelledby={headingId}
                data-section={section.key}
              >
                <header className="section-header">
                  <h2 id={headingId}>{section.title}</h2>
                  <p className="section-owners">
                    Ansvarig: {section.owners.map((owner) => owner.name).join(", ") || "–"}
                    {mine && <span className="badge">Din enhet</span>}
                  </p>
                  {here.length > 0 && (
                    <p className="section-here">Skriver här: {here.map((user) => user.name).join(", ")}</p>
                  )}
                </header>
                <SectionSignOff
                  statementId={workflow.id}
                  section={section}
                  fragment={fragment}
                  myUserId={me.userId}
                  finalised={finalised}
                  onChanged={refresh}
                />
                {provider && fragment ? (
                  <SectionEditor
                    sectionKey={section.key}
                    title={section.title}
                    fragment={fragment}
                    provider={provider}
                    editable={workflow.canEditText}
                    headingId={headingId}
                    me={me}
                  />
                ) : (
                  <p className="muted loading">Hämtar texten…</p>
                )}
              </section>
            );
          })}
        </div>
        <aside className="side-panel" aria-label="Närvaro och justering">
          <FinalisePanel workflow={workflow} onChanged={refresh} />
          <PresenceList users={present} sectionTitles={sectionTitles} />
        </aside>
      </div>
    </div>
  );
}
