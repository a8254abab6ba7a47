import { z } from "zod";
import { type Actor, canEditStatementText, type StatementAccessFacts } from "./access";

export const COMMENT_BODY_MAX = 5000;

/** Plain text with line breaks; rendered as text, never as HTML. */
export const commentBodySchema = z
  .string()
  .transform((body) => body.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Skriv en kommentar.")
      .max(COMMENT_BODY_MAX, `En kommentar får vara högst ${COMMENT_BODY_MAX} tecken.`),
  );

export interface CommentFacts {
  authorId: string;
}

export interface ThreadFacts extends CommentFacts {
  /** Units that own the thread's section. */
  sectionOwnerUnitIds: string[];
}

export function isOwnComment(actor: Pick<Actor, "id">, comment: CommentFacts): boolean {
  return actor.id === comment.authorId;
}

/**
 * The thread's author, or a member of a unit that owns the section, may resolve or reopen it.
 * `memberOfUnitIds` counts an enhet's staff as members of its avdelning too.
 */
export function canResolveThread(
  actor: Pick<Actor, "id"> & { memberOfUnitIds: string[] },
  thread: ThreadFacts,
): boolean {
  if (isOwnComment(actor, thread)) return true;
  return actor.memberOfUnitIds.some((unitId) => thread.sectionOwnerUnitIds.includes(unitId));
}

/**
 * Accepting or rejecting a suggestion is for those who may edit the section: a drafter of a unit
 * that owns it (an enhet's staff count as members of its avdelning), while the statement is open.
 */
export function canDecideSuggestion(
  actor: Actor & { memberOfUnitIds: string[] },
  thread: ThreadFacts,
  statement: StatementAccessFacts,
): boolean {
  if (!canEditStatementText(actor, statement)) return false;
  return actor.memberOfUnitIds.some((unitId) => thread.sectionOwnerUnitIds.includes(unitId));
}
