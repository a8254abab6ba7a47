"use client";

import { useId, useState } from "react";
import type { ThreadView } from "@/contracts/comments";
import { isOwnComment } from "@/domain/comments";
import { formatSwedishDateTime } from "@/domain/deadline";
import { type ApiAnswer, api, problemOf } from "./api-client";
import { useStatementScope } from "./statement-scope";

interface CommentThreadProps {
  thread: ThreadView;
  mayResolve: boolean;
  /** May accept or reject the thread's suggestion (edits the section). */
  mayDecide: boolean;
  onAccept: (thread: ThreadView) => Promise<string | null>;
  detached: boolean;
  active: boolean;
  onShowPassage: (threadId: string) => void;
  onChanged: () => Promise<void>;
}

function CommentBody({ body }: { body: string }) {
  // Rendered as text (React escapes it); line breaks are kept by CSS, never by injecting HTML.
  return <p className="comment-body">{body}</p>;
}

const OUTCOME_LABELS = { accepted: "Godtaget", rejected: "Avvisat" } as const;

/** A suggestion's proposed text, its outcome, and for the section's editors the decision itself. */
function SuggestionDecision(props: {
  thread: ThreadView;
  mayDecide: boolean;
  onAccept: () => Promise<void>;
  onReject: (reason: string) => Promise<boolean>;
}) {
  const { thread, mayDecide } = props;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const suggestion = thread.suggestion;
  if (!suggestion) return null;
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    await action();
    setBusy(false);
  };
  return (
    <div className="suggestion">
      <p>
        Förslag: ersätt med <ins className="suggestion-text">{suggestion.proposedText || "(ingenting)"}</ins>
      </p>
      {suggestion.outcome && (
        <p className="resolved-note">
          {OUTCOME_LABELS[suggestion.outcome]} av {thread.resolvedBy?.name ?? "okänd"}
          {suggestion.reason && <>: {suggestion.reason}</>}
        </p>
      )}
      {mayDecide && !suggestion.outcome && !rejecting && (
        <div className="comment-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void act(props.onAccept)}>
            Godta förslaget
          </button>
          <button type="button" className="button secondary" onClick={() => setRejecting(true)}>
            Avvisa
          </button>
        </div>
      )}
      {mayDecide && !suggestion.outcome && rejecting && (
        <form
          className="reply-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => props.onReject(reason.trim()));
          }}
        >
          <label htmlFor={reasonId}>Motivering (frivillig)</label>
          <textarea
            id={reasonId}
            value={reason}
            rows={2}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="comment-actions">
            <button type="submit" className="button" disabled={busy}>
              Avvisa förslaget
            </button>
            <button type="button" className="button secondary" onClick={() => setRejecting(false)}>
              Avbryt
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

export function CommentThread(props: CommentThreadProps) {
  const { thread, detached, active, onShowPassage, onChanged } = props;
  const { statementId, myUserId, finalised } = useStatementScope();
  const suggestion = thread.suggestion;
  // A suggestion is closed by accepting or rejecting it, not by marking it resolved.
  const mayResolve = props.mayResolve && !finalised && !suggestion;
  const [reply, setReply] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const replyId = useId();

  async function run(send: () => Promise<ApiAnswer<unknown>>) {
    setError(null);
    const problem = problemOf(await send());
    if (problem) setError(problem);
    await onChanged();
    return problem === null;
  }

  const comments = [thread, ...thread.replies];
  return (
    <article
      className={`comment-thread${thread.resolved ? " resolved" : ""}${active ? " active" : ""}`}
      data-thread={thread.id}
      aria-label={`${thread.suggestion ? "Ändringsförslag" : "Kommentar"} av ${thread.author.name}`}
    >
      <button
        type="button"
        className="comment-quote"
        onClick={() => onShowPassage(thread.id)}
        disabled={detached}
      >
        <span className="visually-hidden">Visa stycket: </span>
        <q>{thread.quote}</q>
      </button>
      {detached && <p className="detached-note">Den kommenterade texten har tagits bort.</p>}
      {suggestion && (
        <SuggestionDecision
          thread={thread}
          mayDecide={props.mayDecide && !finalised && !detached}
          onAccept={async () => {
            setError(null);
            const problem = await props.onAccept(thread);
            if (problem) setError(problem);
            await onChanged();
          }}
          onReject={(reason) =>
            run(() =>
              api.decideSuggestion(statementId, thread.id, {
                decision: "reject",
                ...(reason ? { reason } : {}),
              }),
            )
          }
        />
      )}
      {thread.resolved && !suggestion && (
        <p className="resolved-note">Löst av {thread.resolvedBy?.name ?? "okänd"}</p>
      )}
      {comments.map((comment) => (
        <div key={comment.id} className="comment" data-comment={comment.id}>
          <p className="comment-meta">
            <strong>{comment.author.name}</strong> {formatSwedishDateTime(comment.createdAt)}
            {comment.editedAt && " (ändrad)"}
          </p>
          {comment.deleted ? (
            <p className="muted">Kommentaren är borttagen.</p>
          ) : editing === comment.id ? (
            <form
              onSubmit={async (event) => {
                event.preventDefault();
                if (await run(() => api.updateComment(statementId, comment.id, { body: draft })))
                  setEditing(null);
              }}
            >
              <label htmlFor={`${comment.id}-edit`}>Ändra kommentaren</label>
              <textarea
                id={`${comment.id}-edit`}
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
              />
              <button type="submit" className="button">
                Spara
              </button>
              <button type="button" className="button secondary" onClick={() => setEditing(null)}>
                Avbryt
              </button>
            </form>
          ) : comment.body ? (
            <CommentBody body={comment.body} />
          ) : null}
          {!comment.deleted &&
            !finalised &&
            isOwnComment({ id: myUserId }, { authorId: comment.author.id }) &&
            editing !== comment.id && (
              <div className="comment-actions">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setEditing(comment.id);
                    setDraft(comment.body);
                  }}
                >
                  Ändra
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void run(() => api.deleteComment(statementId, comment.id))}
                >
                  Ta bort
                </button>
              </div>
            )}
        </div>
      ))}
      {!thread.deleted && (
        <>
          {!thread.resolved && !finalised && (
            <form
              className="reply-form"
              onSubmit={async (event) => {
                event.preventDefault();
                if (await run(() => api.reply(statementId, thread.id, reply))) setReply("");
              }}
            >
              <label htmlFor={replyId}>Svara</label>
              <textarea
                id={replyId}
                value={reply}
                onChange={(event) => setReply(event.target.value)}
                rows={2}
              />
              <button type="submit" className="button secondary" disabled={reply.trim() === ""}>
                Skicka svar
              </button>
            </form>
          )}
          {mayResolve && (
            <button
              type="button"
              className="button secondary"
              onClick={() =>
                void run(() => api.updateComment(statementId, thread.id, { resolved: !thread.resolved }))
              }
            >
              {thread.resolved ? "Öppna igen" : "Markera som löst"}
            </button>
          )}
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
