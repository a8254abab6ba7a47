"use client";

import { ConnectionStatus } from "./ConnectionStatus";
import { SectionEditor } from "./SectionEditor";
import { useCollaboration } from "./useCollaboration";

export interface WorkspaceSection {
  key: string;
  title: string;
  owners: string[];
}

interface StatementWorkspaceProps {
  statementId: string;
  canEdit: boolean;
  sections: WorkspaceSection[];
}

export function StatementWorkspace({ statementId, canEdit, sections }: StatementWorkspaceProps) {
  const { doc, provider, state, loaded, refusal } = useCollaboration(statementId);
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
      {sections.map((section) => {
        const headingId = `section-${section.key}`;
        return (
          <section
            key={section.key}
            className="statement-section"
            aria-labelledby={headingId}
            data-section={section.key}
          >
            <header className="section-header">
              <h2 id={headingId}>{section.title}</h2>
              <p className="section-owners">Ansvarig: {section.owners.join(", ") || "–"}</p>
            </header>
            {provider && loaded ? (
              <SectionEditor
                sectionKey={section.key}
                title={section.title}
                fragment={doc.getXmlFragment(section.key)}
                provider={provider}
                editable={canEdit}
                headingId={headingId}
              />
            ) : (
              <p className="muted loading">Hämtar texten…</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
