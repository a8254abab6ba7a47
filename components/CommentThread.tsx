"use client";

import { useId, useState } from "react";
import type { ThreadView } from "@/db/queries/comments";
import { isOwnComment } from "@/domain/comments";
import { formatSwedishDateTime } from "@/domain/deadline";
import { sendJson } from "./send-json";

interface CommentThreadProps {
  statementId: string;
  thread: ThreadView;
  myUserId: string;
  finalised: boolean;
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
  const { statementId, thread, myUserId, finalised, detached, active, onShowPassage, onChanged } = props;
  const mayResolve = props.mayResolve && !finalised;
  const [reply, setReply] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const replyId = useId();
  const base = `/api/statements/${statementId}/comments`;

  async function run(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown) {
    setError(null);
    const problem = await sendJson(url, method, body);
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
                if (await run(`${base}/${comment.id}`, "PATCH", { body: draft })) setEditing(null);
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
                  onClick={() => void run(`${base}/${comment.id}`, "DELETE")}
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
                if (await run(`${base}/${thread.id}/replies`, "POST", { body: reply })) setReply("");
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
              onClick={() => void run(`${base}/${thread.id}`, "PATCH", { resolved: !thread.resolved })}
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
