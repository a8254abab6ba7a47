"use client";

import { useId, useState } from "react";
import type { ThreadView } from "@/contracts/comments";
import { isOwnComment } from "@/domain/comments";
import { formatSwedishDateTime } from "@/domain/deadline";
import { type ApiAnswer, api, problemOf } from "./api-client";

interface CommentThreadProps {
  statementId: string;
  thread: ThreadView;
  myUserId: string;
  mayResolve: boolean;
  detached: boolean;
  active: boolean;
  onShowPassage: (threadId: string) => void;
  onChanged: () => Promise<void>;
}

function CommentBody({ body }: { body: string }) {
  // Rendered as text (React escapes it); line breaks are kept by CSS, never by injecting HTML.
  return <p className="comment-body">{body}</p>;
}

export function CommentThread(props: CommentThreadProps) {
  const { statementId, thread, myUserId, mayResolve, detached, active, onShowPassage, onChanged } = props;
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
      aria-label={`Kommentar av ${thread.author.name}`}
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
      {thread.resolved && <p className="resolved-note">Löst av {thread.resolvedBy?.name ?? "okänd"}</p>}
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
          ) : (
            <CommentBody body={comment.body} />
          )}
          {!comment.deleted &&
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
          {!thread.resolved && (
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
