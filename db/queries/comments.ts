import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client";
import { comments, sectionOwners, sections, users } from "../schema";
import { recordAuditEvent } from "./audit";

export interface CommentView {
  id: string;
  body: string;
  author: { id: string; name: string };
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export interface ThreadView extends CommentView {
  sectionKey: string;
  /** base64 of Y.encodeRelativePosition. */
  anchor: { start: string; end: string };
  quote: string;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  /** Set when the thread proposes a replacement for the quoted passage. */
  suggestion: SuggestionView | null;
  replies: CommentView[];
}

export interface SuggestionView {
  proposedText: string;
  /** null while open; decided by `resolvedBy` at `resolvedAt`. */
  outcome: "accepted" | "rejected" | null;
  reason: string | null;
}

function toBase64(bytes: Uint8Array | null): string {
  return bytes ? Buffer.from(bytes).toString("base64") : "";
}

/** All threads of a statement with their replies, oldest first; deleted bodies are withheld. */
export async function listThreads(db: Database, statementId: string): Promise<ThreadView[]> {
  // Whoever resolved a thread need not have written in it: their name is joined on its own.
  const resolvers = alias(users, "resolvers");
  const rows = await db
    .select({
      comment: comments,
      sectionKey: sections.key,
      authorName: users.name,
      resolverName: resolvers.name,
    })
    .from(comments)
    .innerJoin(sections, eq(sections.id, comments.sectionId))
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(resolvers, eq(resolvers.id, comments.resolvedBy))
    .where(eq(comments.statementId, statementId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const view = ({ comment, authorName }: (typeof rows)[number]): CommentView => ({
    id: comment.id,
    body: comment.deletedAt ? "" : comment.body,
    author: { id: comment.authorId, name: authorName },
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    deleted: comment.deletedAt !== null,
  });
  const threads = rows
    .filter((row) => row.comment.threadId === null)
    .map(
      (row): ThreadView => ({
        ...view(row),
        sectionKey: row.sectionKey,
        anchor: { start: toBase64(row.comment.anchorStart), end: toBase64(row.comment.anchorEnd) },
        quote: row.comment.quote ?? "",
        resolved: row.comment.resolvedAt !== null,
        resolvedAt: row.comment.resolvedAt?.toISOString() ?? null,
        resolvedBy: row.comment.resolvedBy
          ? { id: row.comment.resolvedBy, name: row.resolverName ?? "" }
          : null,
        suggestion:
          row.comment.proposedText === null
            ? null
            : {
                proposedText: row.comment.proposedText,
                outcome: row.comment.suggestionOutcome,
                reason: row.comment.decisionReason,
              },
        replies: [],
      }),
    );
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  for (const row of rows) {
    if (row.comment.threadId) byId.get(row.comment.threadId)?.replies.push(view(row));
  }
  return threads;
}

export interface CommentRecord {
  id: string;
  statementId: string;
  sectionId: string;
  sectionKey: string;
  threadId: string | null;
  authorId: string;
  deleted: boolean;
  resolved: boolean;
  sectionOwnerUnitIds: string[];
  /** A suggestion's replacement text; null for an ordinary comment. */
  proposedText: string | null;
  quote: string;
}

/** One comment with what permission checks need, or null if it is not in that statement. */
export async function findComment(
  db: Database,
  statementId: string,
  commentId: string,
): Promise<CommentRecord | null> {
  const [row] = await db
    .select({ comment: comments, sectionKey: sections.key })
    .from(comments)
    .innerJoin(sections, eq(sections.id, comments.sectionId))
    .where(and(eq(comments.id, commentId), eq(comments.statementId, statementId)));
  if (!row) return null;
  const owners = await db
    .select({ unitId: sectionOwners.unitId })
    .from(sectionOwners)
    .where(eq(sectionOwners.sectionId, row.comment.sectionId));
  return {
    id: row.comment.id,
    statementId,
    sectionId: row.comment.sectionId,
    sectionKey: row.sectionKey,
    threadId: row.comment.threadId,
    authorId: row.comment.authorId,
    deleted: row.comment.deletedAt !== null,
    resolved: row.comment.resolvedAt !== null,
    sectionOwnerUnitIds: owners.map((owner) => owner.unitId),
    proposedText: row.comment.proposedText,
    quote: row.comment.quote ?? "",
  };
}

export interface NewThread {
  organisationId: string;
  statementId: string;
  sectionId: string;
  sectionKey: string;
  authorId: string;
  body: string;
  anchorStart: Uint8Array;
  anchorEnd: Uint8Array;
  quote: string;
  /** Makes the thread a suggestion to replace the quoted passage with this text. */
  proposedText?: string;
}

export async function createThread(db: Database, input: NewThread): Promise<string> {
  // The rest of the input is the comment row as it is stored.
  const { organisationId, sectionKey, proposedText, ...comment } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(comments)
      .values({ ...comment, proposedText: proposedText ?? null })
      .returning({ id: comments.id });
    if (!row) throw new Error("Comment insert returned no row");
    const suggested = proposedText !== undefined;
    await recordAuditEvent(tx, {
      organisationId,
      statementId: input.statementId,
      actorId: input.authorId,
      action: suggested ? "suggestion.created" : "comment.created",
      sectionKey,
      details: suggested
        ? { commentId: row.id, quote: input.quote, proposedText }
        : { commentId: row.id, quote: input.quote },
    });
    return row.id;
  });
}

export async function createReply(
  db: Database,
  input: { organisationId: string; thread: CommentRecord; authorId: string; body: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(comments)
      .values({
        statementId: input.thread.statementId,
        sectionId: input.thread.sectionId,
        threadId: input.thread.id,
        authorId: input.authorId,
        body: input.body,
      })
      .returning({ id: comments.id });
    if (!row) throw new Error("Reply insert returned no row");
    await recordAuditEvent(tx, {
      organisationId: input.organisationId,
      statementId: input.thread.statementId,
      actorId: input.authorId,
      action: "comment.created",
      sectionKey: input.thread.sectionKey,
      details: { commentId: row.id, threadId: input.thread.id },
    });
    return row.id;
  });
}

export async function editCommentBody(db: Database, commentId: string, body: string): Promise<void> {
  await db.update(comments).set({ body, editedAt: new Date() }).where(eq(comments.id, commentId));
}

export async function setThreadResolved(
  db: Database,
  input: { organisationId: string; thread: CommentRecord; actorId: string; resolved: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(comments)
      .set(
        input.resolved
          ? { resolvedAt: new Date(), resolvedBy: input.actorId }
          : { resolvedAt: null, resolvedBy: null },
      )
      .where(eq(comments.id, input.thread.id));
    await recordAuditEvent(tx, {
      organisationId: input.organisationId,
      statementId: input.thread.statementId,
      actorId: input.actorId,
      action: input.resolved ? "comment.resolved" : "comment.reopened",
      sectionKey: input.thread.sectionKey,
      details: { threadId: input.thread.id },
    });
  });
}

/**
 * Closes a suggestion as accepted or rejected. The audit event names both the one who suggested
 * and the one who decided, so an accepted change is attributed to both.
 */
export async function decideSuggestion(
  db: Database,
  input: {
    organisationId: string;
    suggestion: CommentRecord;
    actorId: string;
    outcome: "accepted" | "rejected";
    reason: string | null;
  },
): Promise<void> {
  const { suggestion } = input;
  await db.transaction(async (tx) => {
    await tx
      .update(comments)
      .set({
        resolvedAt: new Date(),
        resolvedBy: input.actorId,
        suggestionOutcome: input.outcome,
        decisionReason: input.reason,
      })
      .where(eq(comments.id, suggestion.id));
    await recordAuditEvent(tx, {
      organisationId: input.organisationId,
      statementId: suggestion.statementId,
      actorId: input.actorId,
      action: input.outcome === "accepted" ? "suggestion.accepted" : "suggestion.rejected",
      sectionKey: suggestion.sectionKey,
      details: {
        threadId: suggestion.id,
        suggestedBy: suggestion.authorId,
        quote: suggestion.quote,
        proposedText: suggestion.proposedText,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
  });
}

/** Deletes a comment (and, for a thread's first comment, the thread's replies) keeping the rows. */
export async function deleteComment(
  db: Database,
  input: { organisationId: string; comment: CommentRecord; actorId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx.update(comments).set({ deletedAt: now }).where(eq(comments.id, input.comment.id));
    if (input.comment.threadId === null) {
      await tx
        .update(comments)
        .set({ deletedAt: now })
        .where(and(eq(comments.threadId, input.comment.id), isNull(comments.deletedAt)));
    }
    await recordAuditEvent(tx, {
      organisationId: input.organisationId,
      statementId: input.comment.statementId,
      actorId: input.actorId,
      action: "comment.deleted",
      sectionKey: input.comment.sectionKey,
      details: { commentId: input.comment.id, threadId: input.comment.threadId },
    });
  });
}

/** Open (unresolved, undeleted) threads per section key. */
export async function countOpenThreads(
  db: Database,
  statementIds: string[],
): Promise<Map<string, Map<string, number>>> {
  const counts = new Map<string, Map<string, number>>();
  if (statementIds.length === 0) return counts;
  const rows = await db
    .select({ statementId: comments.statementId, sectionKey: sections.key, open: sql<number>`count(*)::int` })
    .from(comments)
    .innerJoin(sections, eq(sections.id, comments.sectionId))
    .where(
      and(
        inArray(comments.statementId, statementIds),
        isNull(comments.threadId),
        isNull(comments.resolvedAt),
        isNull(comments.deletedAt),
      ),
    )
    .groupBy(comments.statementId, sections.key);
  for (const row of rows) {
    const perSection = counts.get(row.statementId) ?? new Map<string, number>();
    perSection.set(row.sectionKey, Number(row.open));
    counts.set(row.statementId, perSection);
  }
  return counts;
}
