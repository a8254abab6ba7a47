import { z } from "zod";
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
import { canResolveThread, commentBodySchema, isOwnComment } from "../domain/comments";
import { BASE64_PATTERN } from "../editor/comment-anchors";
import { publishStatementEvent } from "../events/statement-events";
import { statementDocuments } from "../server/collab/statement-documents";
import { fail, readableStatement, statementUnavailable, type WorkflowResult } from "./result";

const base64 = z.string().min(4).max(4096).regex(BASE64_PATTERN, "ska vara base64");

export const newThreadSchema = z.object({
  sectionKey: z.string().min(1).max(200),
  anchor: z.object({ start: base64, end: base64 }),
  quote: z
    .string()
    .max(10_000)
    .transform((quote) => quote.trim()),
  body: commentBodySchema,
});

export const replySchema = z.object({ body: commentBodySchema });

export const commentPatchSchema = z.union(
  [z.object({ body: commentBodySchema }).strict(), z.object({ resolved: z.boolean() }).strict()],
  { error: "Ange antingen body (ny text) eller resolved (true eller false)" },
);

export async function listComments(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<WorkflowResult<{ threads: ThreadView[] }>> {
  const statement = await readableStatement(db, user, statementId);
  if (!statement.ok) return statement;
  return { ok: true, value: { threads: await listThreads(db, statementId) } };
}

/**
 * Starts a thread on a passage; the anchor must resolve into the named section of the live document.
 * With `proposedText` the thread is a suggestion to replace the passage.
 */
export async function startThread(
  db: Database,
  user: SessionUser,
  statementId: string,
  input: z.infer<typeof newThreadSchema> & { proposedText?: string },
): Promise<WorkflowResult<{ id: string }>> {
  const detail = await getStatementDetail(db, statementId);
  if (!detail) return statementUnavailable(404);
  if (!canReadStatement(user, detail)) return statementUnavailable(403);
  if (detail.status === "finalised")
    return fail(409, "Tjänsteutlåtandet är justerat; nya kommentarer tas inte emot");
  const section = detail.sections.find((candidate) => candidate.key === input.sectionKey);
  if (!section) return fail(400, `Avsnittet "${input.sectionKey}" finns inte i tjänsteutlåtandet`);
  if (!(await statementDocuments().isValidAnchor(statementId, section.key, input.anchor))) {
    return fail(400, "Kommentarens förankring (anchor.start/anchor.end) pekar inte in i avsnittet");
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
  publishStatementEvent({ statementId, kind: "comments" });
  return { ok: true, value: { id } };
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
  if (!comment || comment.deleted) return fail(404, "Kommentaren finns inte");
  if (statement.facts.status === "finalised")
    return fail(409, "Tjänsteutlåtandet är justerat; kommentarerna är låsta");
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
  if (found.comment.threadId !== null) return fail(400, "Svara på trådens första kommentar");
  const id = await createReply(db, {
    organisationId: found.organisationId,
    thread: found.comment,
    authorId: user.id,
    body,
  });
  publishStatementEvent({ statementId, kind: "comments" });
  return { ok: true, value: { id } };
}

export async function updateComment(
  db: Database,
  user: SessionUser,
  statementId: string,
  commentId: string,
  patch: z.infer<typeof commentPatchSchema>,
): Promise<WorkflowResult<{ id: string }>> {
  const found = await findLiveComment(db, user, statementId, commentId);
  if (!found.ok) return found;
  const { comment } = found;
  if ("body" in patch) {
    if (!isOwnComment(user, comment)) return fail(403, "Du kan bara ändra dina egna kommentarer");
    await editCommentBody(db, comment.id, patch.body);
  } else {
    if (comment.threadId !== null) return fail(400, "Det är tråden som löses, inte ett svar");
    if (!canResolveThread(user, comment)) {
      return fail(403, "Tråden kan lösas av den som startade den eller av avsnittets ansvariga enhet");
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
  publishStatementEvent({ statementId, kind: "comments" });
  return { ok: true, value: { id: comment.id } };
}

export async function removeComment(
  db: Database,
  user: SessionUser,
  statementId: string,
  commentId: string,
): Promise<WorkflowResult<{ id: string }>> {
  const found = await findLiveComment(db, user, statementId, commentId);
  if (!found.ok) return found;
  if (!isOwnComment(user, found.comment)) return fail(403, "Du kan bara ta bort dina egna kommentarer");
  await deleteComment(db, { organisationId: found.organisationId, comment: found.comment, actorId: user.id });
  publishStatementEvent({ statementId, kind: "comments" });
  return { ok: true, value: { id: found.comment.id } };
}
