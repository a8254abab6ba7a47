import type { CommentPatch, NewThreadInput } from "../contracts/comments";
import type { Database } from "../db/client";
import {
  createReply,
  createThread,
  deleteComment,
  editCommentBody,
  findComment,
  listThreads,
  setThreadResolved,
  type ThreadView,
} from "../db/queries/comments";
import { getStatementDetail } from "../db/queries/statements";
import type { SessionUser } from "../db/queries/users";
import { canReadStatement } from "../domain/access";
import { canResolveThread, isOwnComment } from "../domain/comments";
import { appServices } from "./app-services";
import {
  announced,
  fail,
  readableStatement,
  readIfAllowed,
  statementUnavailable,
  type WorkflowResult,
} from "./result";

export const COMMENT_NOT_FOUND = "Kommentaren finns inte";

/** The statement's comment threads with their replies, oldest first. */
export function listComments(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<WorkflowResult<{ threads: ThreadView[] }>> {
  return readIfAllowed(db, user, statementId, async () => ({ threads: await listThreads(db, statementId) }));
}

/**
 * Starts a thread on a passage; the anchor must resolve into the named section of the live document.
 * With `proposedText` the thread is a suggestion to replace the passage.
 */
export async function startThread(
  db: Database,
  user: SessionUser,
  statementId: string,
  input: NewThreadInput & { proposedText?: string },
): Promise<WorkflowResult<{ id: string }>> {
  const detail = await getStatementDetail(db, statementId);
  if (!detail) return statementUnavailable("not-found");
  if (!canReadStatement(user, detail)) return statementUnavailable("forbidden");
  if (detail.status === "finalised")
    return fail("conflict", "Tjänsteutlåtandet är justerat; nya kommentarer tas inte emot");
  const section = detail.sections.find((candidate) => candidate.key === input.sectionKey);
  if (!section) return fail("invalid", `Avsnittet "${input.sectionKey}" finns inte i tjänsteutlåtandet`);
  if (!(await appServices().documents.isValidAnchor(statementId, section.key, input.anchor))) {
    return fail("invalid", "Kommentarens förankring (anchor.start/anchor.end) pekar inte in i avsnittet");
  }
  const id = await createThread(db, {
    organisationId: detail.organisationId,
    statementId,
    sectionId: section.id,
    sectionKey: section.key,
    authorId: user.id,
    body: input.body,
    anchorStart: Buffer.from(input.anchor.start, "base64"),
    anchorEnd: Buffer.from(input.anchor.end, "base64"),
    quote: input.quote,
    proposedText: input.proposedText,
  });
  return announced(statementId, "comments", { id });
}

export async function findLiveComment(
  db: Database,
  user: SessionUser,
  statementId: string,
  commentId: string,
) {
  const statement = await readableStatement(db, user, statementId);
  if (!statement.ok) return statement;
  const comment = await findComment(db, statementId, commentId);
  if (!comment || comment.deleted) return fail("not-found", COMMENT_NOT_FOUND);
  if (statement.facts.status === "finalised")
    return fail("conflict", "Tjänsteutlåtandet är justerat; kommentarerna är låsta");
  return { ok: true as const, comment, organisationId: statement.facts.organisationId };
}

export async function reply(
  db: Database,
  user: SessionUser,
  statementId: string,
  threadId: string,
  body: string,
): Promise<WorkflowResult<{ id: string }>> {
  const found = await findLiveComment(db, user, statementId, threadId);
  if (!found.ok) return found;
  if (found.comment.threadId !== null) return fail("invalid", "Svara på trådens första kommentar");
  const id = await createReply(db, {
    organisationId: found.organisationId,
    thread: found.comment,
    authorId: user.id,
    body,
  });
  return announced(statementId, "comments", { id });
}

export async function updateComment(
  db: Database,
  user: SessionUser,
  statementId: string,
  commentId: string,
  patch: CommentPatch,
): Promise<WorkflowResult<{ id: string }>> {
  const found = await findLiveComment(db, user, statementId, commentId);
  if (!found.ok) return found;
  const { comment } = found;
  if ("body" in patch) {
    if (!isOwnComment(user, comment)) return fail("forbidden", "Du kan bara ändra dina egna kommentarer");
    await editCommentBody(db, comment.id, patch.body);
  } else {
    if (comment.threadId !== null) return fail("invalid", "Det är tråden som löses, inte ett svar");
    if (!canResolveThread(user, comment)) {
      return fail(
        "forbidden",
        "Tråden kan lösas av den som startade den eller av avsnittets ansvariga enhet",
      );
    }
    if (comment.resolved !== patch.resolved) {
      await setThreadResolved(db, {
        organisationId: found.organisationId,
        thread: comment,
        actorId: user.id,
        resolved: patch.resolved,
      });
    }
  }
  return announced(statementId, "comments", { id: comment.id });
}

export async function removeComment(
  db: Database,
  user: SessionUser,
  statementId: string,
  commentId: string,
): Promise<WorkflowResult<{ id: string }>> {
  const found = await findLiveComment(db, user, statementId, commentId);
  if (!found.ok) return found;
  if (!isOwnComment(user, found.comment))
    return fail("forbidden", "Du kan bara ta bort dina egna kommentarer");
  await deleteComment(db, { organisationId: found.organisationId, comment: found.comment, actorId: user.id });
  return announced(statementId, "comments", { id: found.comment.id });
}
