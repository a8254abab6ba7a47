import { asc, desc, eq, inArray } from "drizzle-orm";
import type { StatementAccessFacts } from "../../domain/access";
import type { Signatory, StatementMetadata } from "../../domain/content";
import type { Role } from "../../domain/roles";
import type { SectionEditFacts, StatementEditFacts } from "../../domain/section-editing";
import type { PlannedSection } from "../../domain/section-plan";
import type { Database } from "../client";
import {
  documentSnapshots,
  sectionApprovalRequirements,
  sectionOwners,
  sections,
  statementContacts,
  statementPreparingUnits,
  statementSignatories,
  statements,
  units,
  users,
} from "../schema";
import { requirementColumns } from "./approvals";
import { recordAuditEvent } from "./audit";
import { pickColumns } from "./columns";

export interface NewStatement extends Omit<StatementMetadata, "preparingUnits"> {
  organisationId: string;
  createdBy: string | null;
  /** The coordinating handläggare; the creator when not given. */
  coordinatorId?: string | null;
  preparingUnitIds: string[];
  /** The stored template the statement is started from, if any. */
  templateId?: string | null;
  sections: PlannedSection[];
  /** The Y.Doc state holding each section's initial content. */
  initialDocument: Uint8Array;
}

/** Creates a statement with its sections and initial document in one transaction, and audits it. */
export async function createStatement(db: Database, input: NewStatement): Promise<string> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(statements)
      .values({
        organisationId: input.organisationId,
        createdBy: input.createdBy,
        coordinatorId: input.coordinatorId ?? input.createdBy,
        recipient: input.recipient,
        title: input.title,
        diarienummer: input.diarienummer,
        remissSender: input.remissSender,
        deadline: input.deadline,
        extendedDeadline: input.extendedDeadline,
        templateId: input.templateId ?? null,
      })
      .returning({ id: statements.id });
    if (!created) throw new Error("Statement insert returned no row");
    const statementId = created.id;
    if (input.preparingUnitIds.length > 0) {
      await tx
        .insert(statementPreparingUnits)
        .values(input.preparingUnitIds.map((unitId, position) => ({ statementId, unitId, position })));
    }
    if (input.signatories.length > 0) {
      await tx
        .insert(statementSignatories)
        .values(input.signatories.map((signatory, position) => ({ statementId, position, ...signatory })));
    }
    for (const [position, section] of input.sections.entries()) {
      const [row] = await tx
        .insert(sections)
        .values({ statementId, key: section.key, title: section.title, position, guidance: section.guidance })
        .returning({ id: sections.id });
      if (!row) throw new Error("Section insert returned no row");
      if (section.ownerUnitIds.length > 0) {
        await tx
          .insert(sectionOwners)
          .values(section.ownerUnitIds.map((unitId) => ({ sectionId: row.id, unitId })));
      }
      if (section.approvals.length > 0) {
        await tx
          .insert(sectionApprovalRequirements)
          .values(section.approvals.map((approval) => ({ sectionId: row.id, ...approval })));
      }
    }
    await tx
      .insert(documentSnapshots)
      .values({ statementId, snapshot: input.initialDocument, lastUpdateId: 0 });
    await recordAuditEvent(tx, {
      organisationId: input.organisationId,
      statementId,
      actorId: input.createdBy,
      action: "statement.created",
      details: { title: input.title, sections: input.sections.map((section) => section.key) },
    });
    return statementId;
  });
}

export interface StatementSummary {
  id: string;
  title: string;
  diarienummer: string | null;
  status: "draft" | "finalised";
  recipient: string;
  deadline: string | null;
  extendedDeadline: string | null;
}

export async function listStatements(db: Database, organisationId: string): Promise<StatementSummary[]> {
  return db
    .select({
      id: statements.id,
      title: statements.title,
      diarienummer: statements.diarienummer,
      status: statements.status,
      recipient: statements.recipient,
      deadline: statements.deadline,
      extendedDeadline: statements.extendedDeadline,
    })
    .from(statements)
    .where(eq(statements.organisationId, organisationId))
    .orderBy(desc(statements.createdAt), asc(statements.id));
}

export async function getStatementAccessFacts(
  db: Database,
  statementId: string,
): Promise<StatementAccessFacts | null> {
  const [row] = await db
    .select({ organisationId: statements.organisationId, status: statements.status })
    .from(statements)
    .where(eq(statements.id, statementId));
  return row ?? null;
}

export interface UnitRef {
  id: string;
  name: string;
}

export interface SectionDetail {
  id: string;
  key: string;
  title: string;
  position: number;
  /** What belongs in the section, copied from its template; null when it gave none. */
  guidance: string | null;
  owners: UnitRef[];
  requiredApprovals: { id: string; role: Role; unit: UnitRef | null }[];
}

/** A handläggare printed on the statement, with contact details. */
export interface StatementContact {
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

export interface StatementDetail extends StatementSummary {
  organisationId: string;
  remissSender: string | null;
  /** The date the statement bears (ISO), or null when not set. */
  statementDate: string | null;
  contacts: StatementContact[];
  preparingUnits: UnitRef[];
  signatories: Signatory[];
  createdAt: string;
  finalisedAt: string | null;
  finalisedBy: { id: string; name: string } | null;
  /** The coordinating handläggare, who may edit every section. */
  coordinator: { id: string; name: string } | null;
  sections: SectionDetail[];
}

export async function getStatementDetail(db: Database, statementId: string): Promise<StatementDetail | null> {
  const [statement] = await db.select().from(statements).where(eq(statements.id, statementId));
  if (!statement) return null;
  const preparingUnits = await db
    .select({ id: units.id, name: units.name })
    .from(statementPreparingUnits)
    .innerJoin(units, eq(units.id, statementPreparingUnits.unitId))
    .where(eq(statementPreparingUnits.statementId, statementId))
    .orderBy(asc(statementPreparingUnits.position));
  const signatories = await db
    .select({ name: statementSignatories.name, title: statementSignatories.title })
    .from(statementSignatories)
    .where(eq(statementSignatories.statementId, statementId))
    .orderBy(asc(statementSignatories.position));
  const contacts = await db
    .select(pickColumns(statementContacts, ["name", "title", "phone", "email"]))
    .from(statementContacts)
    .where(eq(statementContacts.statementId, statementId))
    .orderBy(asc(statementContacts.position));
  return {
    id: statement.id,
    organisationId: statement.organisationId,
    title: statement.title,
    recipient: statement.recipient,
    diarienummer: statement.diarienummer,
    remissSender: statement.remissSender,
    deadline: statement.deadline,
    extendedDeadline: statement.extendedDeadline,
    statementDate: statement.statementDate,
    contacts,
    status: statement.status,
    createdAt: statement.createdAt.toISOString(),
    finalisedAt: statement.finalisedAt?.toISOString() ?? null,
    finalisedBy: statement.finalisedBy ? await loadUserRef(db, statement.finalisedBy) : null,
    coordinator: statement.coordinatorId ? await loadUserRef(db, statement.coordinatorId) : null,
    preparingUnits,
    signatories,
    sections: await loadSectionDetails(db, statementId),
  };
}

async function loadUserRef(db: Database, userId: string): Promise<{ id: string; name: string } | null> {
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  return user ?? null;
}

async function loadSectionDetails(db: Database, statementId: string): Promise<SectionDetail[]> {
  const rows = await db
    .select({
      id: sections.id,
      key: sections.key,
      title: sections.title,
      position: sections.position,
      guidance: sections.guidance,
    })
    .from(sections)
    .where(eq(sections.statementId, statementId))
    .orderBy(asc(sections.position));
  if (rows.length === 0) return [];
  const sectionIds = rows.map((row) => row.id);
  const owners = await db
    .select({ sectionId: sectionOwners.sectionId, id: units.id, name: units.name })
    .from(sectionOwners)
    .innerJoin(units, eq(units.id, sectionOwners.unitId))
    .where(inArray(sectionOwners.sectionId, sectionIds))
    .orderBy(asc(units.name));
  const requirements = await db
    .select({ sectionId: sectionApprovalRequirements.sectionId, ...requirementColumns })
    .from(sectionApprovalRequirements)
    .leftJoin(units, eq(units.id, sectionApprovalRequirements.unitId))
    .where(inArray(sectionApprovalRequirements.sectionId, sectionIds))
    .orderBy(asc(units.name));
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    title: row.title,
    position: row.position,
    guidance: row.guidance,
    owners: owners.filter((owner) => owner.sectionId === row.id).map(({ id, name }) => ({ id, name })),
    requiredApprovals: requirements
      .filter((requirement) => requirement.sectionId === row.id)
      .map(({ requirementId, role, unitId, unitName }) => ({
        id: requirementId,
        role,
        unit: unitId && unitName ? { id: unitId, name: unitName } : null,
      })),
  }));
}

/** What decides who may edit a section, from its owners and required approvals. */
export function sectionEditFacts(section: SectionDetail): SectionEditFacts {
  return {
    ownerUnitIds: section.owners.map((owner) => owner.id),
    requirements: section.requiredApprovals.map((requirement) => ({
      role: requirement.role,
      unitId: requirement.unit?.id ?? null,
    })),
  };
}

export interface StatementEditRules {
  statement: StatementEditFacts;
  sections: (SectionEditFacts & { key: string })[];
}

/** The facts the collaboration server decides each update by: who may edit which section. */
export async function loadStatementEditRules(
  db: Database,
  statementId: string,
): Promise<StatementEditRules | null> {
  const [row] = await db
    .select({
      organisationId: statements.organisationId,
      status: statements.status,
      coordinatorId: statements.coordinatorId,
    })
    .from(statements)
    .where(eq(statements.id, statementId));
  if (!row) return null;
  const details = await loadSectionDetails(db, statementId);
  return {
    statement: row,
    sections: details.map((section) => ({ key: section.key, ...sectionEditFacts(section) })),
  };
}

export async function listSectionKeys(db: Database, statementId: string): Promise<string[]> {
  const rows = await db
    .select({ key: sections.key })
    .from(sections)
    .where(eq(sections.statementId, statementId))
    .orderBy(asc(sections.position));
  return rows.map((row) => row.key);
}

/** Some statement's id, or null when there is none (start-up warm-up writes need a real row). */
export async function anyStatementId(db: Database): Promise<string | null> {
  const [row] = await db.select({ id: statements.id }).from(statements).limit(1);
  return row?.id ?? null;
}
