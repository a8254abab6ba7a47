"use client";

import { useId, useState } from "react";
import type { ThreadView } from "@/contracts/comments";
import { canResolveThread } from "@/domain/comments";
import { CommentThread } from "./CommentThread";
import { useStatementScope } from "./statement-scope";

type Filter = "open" | "resolved" | "all";

export interface PanelSection {
  key: string;
  title: string;
  ownerUnitIds: string[];
  /** The viewer may change this section's text, and so decides its suggestions. */
  editableByMe: boolean;
}

interface CommentsPanelProps {
  sections: PanelSection[];
  threads: ThreadView[];
  /** Each thread's passage position in its section; null when the passage was deleted. */
  positions: ReadonlyMap<string, number | null>;
  activeThreadId: string | null;
  memberOfUnitIds: string[];
  onAcceptSuggestion: (thread: ThreadView) => Promise<string | null>;
  onShowPassage: (threadId: string) => void;
  onChanged: () => Promise<void>;
}

const FILTERS: { value: Filter; label: string }[] = [
  { value: "open", label: "Öppna" },
  { value: "resolved", label: "Lösta" },
  { value: "all", label: "Alla" },
];

/** Threads by section in document order, filtered by open/resolved. */
export function CommentsPanel(props: CommentsPanelProps) {
  const { sections, threads, positions, memberOfUnitIds } = props;
  const { myUserId } = useStatementScope();
  const [filter, setFilter] = useState<Filter>("open");
  const filterName = useId();
  const visible = threads.filter(
    (thread) => !thread.deleted && (filter === "all" || (filter === "resolved") === thread.resolved),
  );
  const order = (thread: ThreadView) => positions.get(thread.id) ?? Number.MAX_SAFE_INTEGER;
  return (
    <section id="comments" className="comments-panel" aria-labelledby="comments-heading" tabIndex={-1}>
      <h2 id="comments-heading">Kommentarer</h2>
      <fieldset className="comment-filter">
        <legend>Visa</legend>
        {FILTERS.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name={filterName}
              value={option.value}
              checked={filter === option.value}
              onChange={() => setFilter(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {visible.length === 0 && <p className="muted">Inga kommentarer att visa.</p>}
      {sections.map((section) => {
        const inSection = visible
          .filter((thread) => thread.sectionKey === section.key)
          .sort((a, b) => order(a) - order(b));
        if (inSection.length === 0) return null;
        return (
          <div key={section.key} className="comment-section">
            <h3>{section.title}</h3>
            {inSection.map((thread) => (
              <CommentThread
                key={thread.id}
                thread={thread}
                mayDecide={section.editableByMe}
                onAccept={props.onAcceptSuggestion}
                mayResolve={canResolveThread(
                  { id: myUserId, memberOfUnitIds },
                  { authorId: thread.author.id, sectionOwnerUnitIds: section.ownerUnitIds },
                )}
                detached={positions.get(thread.id) === null}
                active={props.activeThreadId === thread.id}
                onShowPassage={props.onShowPassage}
                onChanged={props.onChanged}
              />
            ))}
          </div>
        );
      })}
    </section>
  );
}
