"use client";

import { useMemo } from "react";
import type { PresenceIdentity } from "@/domain/presence";
import { ConnectionStatus } from "./ConnectionStatus";
import { PresenceList } from "./PresenceList";
import { usePresence } from "./presence";
import { SectionEditor } from "./SectionEditor";
import { useCollaboration } from "./useCollaboration";

export interface WorkspaceSection {
  key: string;
  title: string;
  owners: string[];
  /** Owned by one of the viewer's units. */
  mine: boolean;
}

interface StatementWorkspaceProps {
  statementId: string;
  canEdit: boolean;
  sections: WorkspaceSection[];
  me: PresenceIdentity;
}

export function StatementWorkspace({ statementId, canEdit, sections, me }: StatementWorkspaceProps) {
  const { doc, provider, state, loaded, refusal } = useCollaboration(statementId);
  const present = usePresence(provider, me);
  const sectionTitles = useMemo(
    () => new Map(sections.map((section) => [section.key, section.title])),
    [sections],
  );
  return (
    <div className="workspace">
      <div className="workspace-bar">
        <ConnectionStatus state={state} />
        {!canEdit && <p className="read-only-note">Du kan läsa men inte ändra texten.</p>}
      </div>
      {refusal && (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      )}
      <div className="workspace-columns">
        <div className="sections">
          {sections.map((section) => {
            const headingId = `section-${section.key}`;
            const here = present.filter((user) => user.section === section.key && !user.isMe);
            return (
              <section
                key={section.key}
                className={section.mine ? "statement-section mine" : "statement-section"}
                aria-labelledby={headingId}
                data-section={section.key}
              >
                <header className="section-header">
                  <h2 id={headingId}>{section.title}</h2>
                  <p className="section-owners">
                    Ansvarig: {section.owners.join(", ") || "–"}
                    {section.mine && <span className="badge">Din enhet</span>}
                  </p>
                  <p className="section-state" data-state="open">
                    Ej godkänd
                  </p>
                  {here.length > 0 && (
                    <p className="section-here">Skriver här: {here.map((user) => user.name).join(", ")}</p>
                  )}
                </header>
                {provider && loaded ? (
                  <SectionEditor
                    sectionKey={section.key}
                    title={section.title}
                    fragment={doc.getXmlFragment(section.key)}
                    provider={provider}
                    editable={canEdit}
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
        <aside className="side-panel" aria-label="Närvaro">
          <PresenceList users={present} sectionTitles={sectionTitles} />
        </aside>
      </div>
    </div>
  );
}
