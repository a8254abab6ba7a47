import type { StatementList, StatementWorkflow } from "../contracts/statements";
import type { Database } from "../db/client";
import { type AuditView, listAuditEvents } from "../db/queries/audit";
import { type StatementOverview, summariseStatements } from "../db/queries/overview";
import { getStatementDetail, listStatements, type StatementSummary } from "../db/queries/statements";
import { listUnits, type OrganisationUnit } from "../db/queries/units";
import type { SessionUser } from "../db/queries/users";
import { actorUnitIds, canReadStatement } from "../domain/access";
import { readIfAllowed, statementUnavailable, succeed, type WorkflowResult } from "./result";
import { loadStatementWorkflow } from "./statement-workflow";

/** The statements of the user's organisation, newest first. */
export async function organisationStatements(db: Database, user: SessionUser): Promise<StatementList> {
  const statements = await listStatements(db, user.organisationId);
  return { statements };
}

/** The list page: every statement with its sign-off progress, as seen from the user's units. */
export async function statementOverview(
  db: Database,
  user: SessionUser,
): Promise<{ statements: StatementSummary[]; overview: Map<string, StatementOverview> }> {
  const statements = await listStatements(db, user.organisationId);
  const ids = statements.map((statement) => statement.id);
  return { statements, overview: await summariseStatements(db, ids, actorUnitIds(user)) };
}

/** A statement as the user sees it: metadata, sections, their sign-off state and what the user may do. */
export async function statementFor(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<WorkflowResult<StatementWorkflow>> {
  const lookup = await loadStatementWorkflow(db, user, statementId);
  return lookup.found ? succeed(lookup.workflow) : statementUnavailable(lookup.kind);
}

/** The statement's append-only audit trail, oldest first. */
export function auditTrail(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<WorkflowResult<{ events: AuditView[] }>> {
  return readIfAllowed(db, user, statementId, async () => ({
    events: await listAuditEvents(db, statementId),
  }));
}

/** The audit page: the statement's title, its section titles by key, and the trail. */
export async function statementAudit(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<WorkflowResult<{ title: string; sectionTitles: Map<string, string>; events: AuditView[] }>> {
  const statement = await getStatementDetail(db, statementId);
  if (!statement) return statementUnavailable("not-found");
  if (!canReadStatement(user, statement)) return statementUnavailable("forbidden");
  return succeed({
    title: statement.title,
    sectionTitles: new Map(statement.sections.map((section) => [section.key, section.title])),
    events: await listAuditEvents(db, statementId),
  });
}

/** The units a new statement may name as preparing units. */
export async function organisationUnits(db: Database, user: SessionUser): Promise<OrganisationUnit[]> {
  return listUnits(db, user.organisationId);
}
