"use client";

import type { Editor } from "@tiptap/react";
import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import type { ThreadView } from "@/contracts/comments";
import type { StatementWorkflow } from "@/contracts/statements";
import { contributorsOf } from "@/domain/preparation";
import type { PresenceIdentity } from "@/domain/presence";
import { presenceColourFor } from "@/domain/presence";
import { PREPARATION_SECTION_KEY } from "@/domain/template";
import { type HighlightedThread, threadRange } from "@/editor/comment-highlights";
import { AuthorshipLegend } from "./AuthorshipLegend";
import { api, problemOf } from "./api-client";
import { CommentsPanel } from "./CommentsPanel";
import { ConnectionStatus } from "./ConnectionStatus";
import { FinalisePanel } from "./FinalisePanel";
import { PreparationSuggestion } from "./PreparationSuggestion";
import { PresenceList } from "./PresenceList";
import { usePresence } from "./presence";
import { SectionCommentAction } from "./SectionCommentAction";
import { SectionEditor } from "./SectionEditor";
import { SectionSignOff } from "./SectionSignOff";
import { StatementScopeContext } from "./statement-scope";
import { useAuthorship } from "./useAuthorship";
import { useCollaboration } from "./useCollaboration";
import { useWorkflow } from "./useWorkflow";

interface StatementWorkspaceProps {
  initialWorkflow: StatementWorkflow;
  initialThreads: ThreadView[];
  me: PresenceIdentity;
  /** Units the viewer belongs to: their sections are marked as theirs. */
  myUnitIds: string[];
  /** Those units and their avdelningar: whose sections' comment threads the viewer may resolve. */
  memberOfUnitIds: string[];
}

const NO_THREADS: HighlightedThread[] = [];

/** A thread as the editor highlights it; an open suggestion in its author's colour. */
function highlightOf(thread: ThreadView): HighlightedThread {
  const { id, anchor, suggestion, author } = thread;
  if (!suggestion) return { id, anchor };
  return {
    id,
    anchor,
    suggestion: { text: suggestion.proposedText, color: presenceColourFor(author.id), author: author.name },
  };
}

/**
 * Accepting a suggestion: the owner's own editor replaces the passage, as an ordinary edit of theirs,
 * and the decision is then recorded. Resolves to the message to show, or null.
 */
async function applySuggestion(
  editor: Editor | undefined,
  thread: ThreadView,
  statementId: string,
): Promise<string | null> {
  const range = editor ? threadRange(editor.state, thread.anchor) : null;
  if (!editor || !range || !thread.suggestion) return "Den föreslagna ändringen kan inte längre föras in.";
  const text = thread.suggestion.proposedText;
  const chain = editor.chain().focus();
  if (text === "") chain.deleteRange(range).run();
  else chain.insertContentAt(range, { type: "text", text }).run();
  return problemOf(await api.decideSuggestion(statementId, thread.id, { decision: "accept" }));
}

export function StatementWorkspace(props: StatementWorkspaceProps) {
  const { initialWorkflow, initialThreads, me, myUnitIds, memberOfUnitIds } = props;
  const { workflow, refresh, threads, refreshThreads } = useWorkflow(initialWorkflow, initialThreads);
  const { doc, provider, state, loaded, refusal } = useCollaboration(workflow.id);
  const present = usePresence(provider, me);
  const [editors, setEditors] = useState<ReadonlyMap<string, Editor>>(new Map());
  const [positions, setPositions] = useState<ReadonlyMap<string, number | null>>(new Map());
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);

  const sectionTitles = useMemo(
    () => new Map(workflow.sections.map((section) => [section.key, section.title])),
    [workflow.sections],
  );
  const highlightsBySection = useMemo(() => {
    const bySection = new Map<string, HighlightedThread[]>();
    for (const thread of threads) {
      if (thread.resolved || thread.deleted) continue;
      bySection.set(thread.sectionKey, [...(bySection.get(thread.sectionKey) ?? []), highlightOf(thread)]);
    }
    return bySection;
  }, [threads]);
  const acceptSuggestion = useCallback(
    (thread: ThreadView) => applySuggestion(editors.get(thread.sectionKey), thread, workflow.id),
    [editors, workflow.id],
  );

  const onEditor = useCallback((key: string, editor: Editor | null) => {
    setEditors((current) => {
      const next = new Map(current);
      if (editor) next.set(key, editor);
      else next.delete(key);
      return next;
    });
  }, []);
  const onThreadPositions = useCallback((_key: string, reported: Map<string, number | null>) => {
    setPositions((current) => new Map([...current, ...reported]));
  }, []);
  const showPassage = useCallback((threadId: string) => {
    setActiveThreadId(threadId);
    requestAnimationFrame(() => {
      document
        .querySelector(`.comment-highlight[data-thread="${threadId}"]`)
        ?.scrollIntoView({ block: "center" });
    });
  }, []);

  const authors = useAuthorship(workflow);
  const finalised = workflow.status === "finalised";
  const scope = useMemo(
    () => ({ statementId: workflow.id, myUserId: me.userId, finalised }),
    [workflow.id, me.userId, finalised],
  );
  return (
    <StatementScopeContext value={scope}>
      <div className="workspace">
        <div className="workspace-bar">
          <a href="#comments" className="skip-comments">
            Hoppa till kommentarer
          </a>
          <ConnectionStatus state={state} />
          {!workflow.canEditText && (
            <p className="read-only-note">
              {finalised
                ? "Utlåtandet är justerat och kan inte ändras."
                : "Du kan läsa men inte ändra texten."}
            </p>
          )}
          <button type="button" aria-pressed={authors.shown} onClick={authors.toggle}>
            Visa vem som skrivit
          </button>
          <Link href={`/statements/${workflow.id}/historik`} className="audit-link">
            Versioner
          </Link>
          <Link href={`/statements/${workflow.id}/audit`} className="audit-link">
            Händelselogg
          </Link>
        </div>
        {authors.shown && authors.authorship && (
          <AuthorshipLegend
            authors={contributorsOf(authors.authorship.sections)}
            onRefresh={authors.refresh}
          />
        )}
        {authors.error && (
          <p className="form-error" role="alert">
            {authors.error}
          </p>
        )}
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
              const open = highlightsBySection.get(section.key)?.length ?? 0;
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
                    {open > 0 && (
                      <p className="section-comment-count" data-open-threads={open}>
                        {open === 1 ? "1 öppen kommentar" : `${open} öppna kommentarer`}
                      </p>
                    )}
                    {!section.editableByMe && !finalised && (
                      <p className="section-read-only" data-read-only-section={section.key}>
                        Ägs av {section.owners.map((owner) => owner.name).join(", ") || "–"}
                      </p>
                    )}
                    {here.length > 0 && (
                      <p className="section-here">Skriver här: {here.map((user) => user.name).join(", ")}</p>
                    )}
                  </header>
                  <SectionSignOff
                    section={section}
                    fragment={fragment}
                    openThreads={open}
                    onChanged={refresh}
                  />
                  {provider && fragment ? (
                    <>
                      <SectionEditor
                        sectionKey={section.key}
                        title={section.title}
                        fragment={fragment}
                        provider={provider}
                        editable={section.editableByMe}
                        approved={section.state === "approved"}
                        guidance={section.guidance ?? undefined}
                        headingId={headingId}
                        me={me}
                        threads={highlightsBySection.get(section.key) ?? NO_THREADS}
                        activeThreadId={activeThreadId}
                        authorship={authors.bySection?.get(section.key) ?? null}
                        onEditor={onEditor}
                        onThreadPositions={onThreadPositions}
                      />
                      <SectionCommentAction
                        sectionKey={section.key}
                        sectionTitle={section.title}
                        editor={editors.get(section.key) ?? null}
                        onCreated={refreshThreads}
                      />
                      {section.key === PREPARATION_SECTION_KEY && authors.suggestsPreparation && (
                        <PreparationSuggestion
                          editor={editors.get(section.key) ?? null}
                          authorship={authors.authorship}
                          onRefresh={authors.refresh}
                        />
                      )}
                    </>
                  ) : (
                    <p className="muted loading">Hämtar texten…</p>
                  )}
                </section>
              );
            })}
          </div>
          <aside className="side-panel" aria-label="Justering, närvaro och kommentarer">
            <FinalisePanel workflow={workflow} onChanged={refresh} />
            <PresenceList users={present} sectionTitles={sectionTitles} />
            <CommentsPanel
              sections={workflow.sections.map((section) => ({
                key: section.key,
                title: section.title,
                ownerUnitIds: section.owners.map((owner) => owner.id),
                editableByMe: section.editableByMe,
              }))}
              threads={threads}
              positions={positions}
              activeThreadId={activeThreadId}
              memberOfUnitIds={memberOfUnitIds}
              onAcceptSuggestion={acceptSuggestion}
              onShowPassage={showPassage}
              onChanged={refreshThreads}
            />
          </aside>
        </div>
      </div>
    </StatementScopeContext>
  );
}
