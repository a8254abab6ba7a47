import type { Database } from "../db/client";
import type { SessionUser } from "../db/queries/users";
import type { StatementAccessFacts } from "../domain/access";
import { readableStatement, statementUnavailable, type WorkflowFailure } from "./result";

/**
 * The statement's access facts if the user may read it. A statement of another organisation is
 * answered as unknown (404): the document routes do not tell outsiders that it exists.
 */
export async function visibleStatement(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<{ ok: true; facts: StatementAccessFacts } | WorkflowFailure> {
  const readable = await readableStatement(db, user, statementId);
  return readable.ok ? readable : statementUnavailable("not-found");
}
