import type { NewSuggestion } from "../contracts/suggestions";
import type { Database } from "../db/client";
import { decideSuggestion } from "../db/queries/comments";
import type { SessionUser } from "../db/queries/users";
import { findLiveComment, startThread } from "./comments";
import { announced, fail, type WorkflowResult } from "./result";
import { loadStatementWorkflow } from "./statement-workflow";

export const SUGGESTION_NOT_FOUND = "Förslaget finns inte";

/** Proposes replacing a passage: stored as a comment thread with the proposed text, anchored alike. */
export function startSuggestion(
  db: Database,
  user: SessionUser,
  statementId: string,
  input: NewSuggestion,
): Promise<WorkflowResult<{ id: string }>> {
  return startThread(db, user, statementId, { ...input, body: input.body ?? "" });
}

/**
 * Accepts or rejects an open suggestion. Accepting records the decision; the text itself is changed
 * by the accepting owner's editor, as an ordinary edit of theirs, before it calls this.
 */
export async function decide(
  db: Database,
  user: SessionUser,
  statementId: string,
  suggestionId: string,
  decision: { outcome: "accepted" | "rejected"; reason: string | null },
): Promise<WorkflowResult<{ id: string }>> {
  const found = await findLiveComment(db, user, statementId, suggestionId);
  if (!found.ok) return found;
  const { comment } = found;
  if (comment.threadId !== null || comment.proposedText === null)
    return fail("not-found", SUGGESTION_NOT_FOUND);
  if (comment.resolved) return fail("conflict", "Förslaget är redan avgjort");
  const lookup = await loadStatementWorkflow(db, user, statementId);
  const section = lookup.found
    ? lookup.workflow.sections.find((s) => s.key === comment.sectionKey)
    : undefined;
  if (!section?.editableByMe) {
    return fail("forbidden", "Förslaget avgörs av den som får ändra avsnittet");
  }
  await decideSuggestion(db, {
    organisationId: found.organisationId,
    suggestion: comment,
    actorId: user.id,
    ...decision,
  });
  return announced(statementId, "comments", { id: comment.id });
}
