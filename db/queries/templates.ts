import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { AdminTemplate, AdminTemplateSection } from "../../contracts/templates";
import type { ContentBlock } from "../../domain/content";
import type { SectionTemplateDefinition, TemplateApproval } from "../../domain/template";
import type { Database } from "../client";
import {
  sectionTemplateApprovals,
  sectionTemplateOwners,
  sectionTemplateSections,
  sectionTemplates,
  statements,
} from "../schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
type TemplateSectionValues = Omit<AdminTemplateSection, "approvals" | "startingContent"> & {
  approvals: readonly TemplateApproval[];
  startingContent: readonly ContentBlock[] | null;
};

async function loadSections(db: Database, templateIds: string[]) {
  if (templateIds.length === 0) return new Map<string, AdminTemplateSection[]>();
  const rows = await db
    .select()
    .from(sectionTemplateSections)
    .where(inArray(sectionTemplateSections.templateId, templateIds))
    .orderBy(asc(sectionTemplateSections.position));
  const sectionIds = rows.map((row) => row.id);
  const owners = sectionIds.length
    ? await db
        .select()
        .from(sectionTemplateOwners)
        .where(inArray(sectionTemplateOwners.templateSectionId, sectionIds))
    : [];
  const approvals = sectionIds.length
    ? await db
        .select()
        .from(sectionTemplateApprovals)
        .where(inArray(sectionTemplateApprovals.templateSectionId, sectionIds))
        .orderBy(asc(sectionTemplateApprovals.position))
    : [];
  const byTemplate = new Map<string, AdminTemplateSection[]>();
  for (const row of rows) {
    const section: AdminTemplateSection = {
      key: row.key,
      title: row.title,
      guidance: row.guidance,
      ownership: row.ownership,
      ownerUnitIds: owners.filter((owner) => owner.templateSectionId === row.id).map((owner) => owner.unitId),
      approvals: approvals
        .filter((approval) => approval.templateSectionId === row.id)
        .map(({ role, unitId }) => ({
          role: role as AdminTemplateSection["approvals"][number]["role"],
          unitId,
        })),
      startingContent: (row.startingContent as AdminTemplateSection["startingContent"]) ?? null,
    };
    byTemplate.set(row.templateId, [...(byTemplate.get(row.templateId) ?? []), section]);
  }
  return byTemplate;
}

/** Those of the templates that a statement was started from. */
async function usedTemplateIds(db: Database, templateIds: string[]): Promise<Set<string>> {
  if (templateIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ templateId: statements.templateId })
    .from(statements)
    .where(inArray(statements.templateId, templateIds));
  return new Set(rows.flatMap((row) => (row.templateId ? [row.templateId] : [])));
}

/** The organisation's templates in the order the new-statement form offers them, oldest first. */
export async function listTemplates(
  db: Database,
  organisationId: string,
  options: { activeOnly?: boolean; templateId?: string } = {},
): Promise<AdminTemplate[]> {
  const rows = await db
    .select({
      id: sectionTemplates.id,
      name: sectionTemplates.name,
      description: sectionTemplates.description,
      deactivatedAt: sectionTemplates.deactivatedAt,
    })
    .from(sectionTemplates)
    .where(
      and(
        eq(sectionTemplates.organisationId, organisationId),
        options.activeOnly ? isNull(sectionTemplates.deactivatedAt) : undefined,
        options.templateId ? eq(sectionTemplates.id, options.templateId) : undefined,
      ),
    )
    .orderBy(asc(sectionTemplates.createdAt), asc(sectionTemplates.name));
  const ids = rows.map((row) => row.id);
  const sections = await loadSections(db, ids);
  const used = await usedTemplateIds(db, ids);
  return rows.map(({ deactivatedAt, ...row }) => ({
    ...row,
    active: deactivatedAt === null,
    inUse: used.has(row.id),
    sections: sections.get(row.id) ?? [],
  }));
}

export async function findTemplate(
  db: Database,
  organisationId: string,
  templateId: string,
): Promise<AdminTemplate | null> {
  const [template] = await listTemplates(db, organisationId, { templateId });
  return template ?? null;
}

export async function templateNameTaken(
  db: Database,
  organisationId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: sectionTemplates.id })
    .from(sectionTemplates)
    .where(
      and(
        eq(sectionTemplates.organisationId, organisationId),
        sql`lower(${sectionTemplates.name}) = lower(${name})`,
      ),
    );
  return row !== undefined && row.id !== exceptId;
}

async function insertSections(
  tx: Transaction,
  templateId: string,
  sections: readonly TemplateSectionValues[],
) {
  for (const [position, section] of sections.entries()) {
    const [row] = await tx
      .insert(sectionTemplateSections)
      .values({
        templateId,
        position,
        key: section.key,
        title: section.title,
        guidance: section.guidance,
        ownership: section.ownership,
        startingContent: section.startingContent ? [...section.startingContent] : null,
      })
      .returning({ id: sectionTemplateSections.id });
    if (!row) throw new Error("Template section insert returned no row");
    const ownerUnitIds = section.ownership === "units" ? [...new Set(section.ownerUnitIds)] : [];
    if (ownerUnitIds.length > 0) {
      await tx
        .insert(sectionTemplateOwners)
        .values(ownerUnitIds.map((unitId) => ({ templateSectionId: row.id, unitId })));
    }
    if (section.approvals.length > 0) {
      await tx.insert(sectionTemplateApprovals).values(
        section.approvals.map((approval, index) => ({
          templateSectionId: row.id,
          position: index,
          ...approval,
        })),
      );
    }
  }
}

export interface TemplateValues {
  name: string;
  description: string | null;
  sections: readonly TemplateSectionValues[];
}

export async function insertTemplate(
  db: Database,
  organisationId: string,
  values: TemplateValues,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sectionTemplates)
      .values({ organisationId, name: values.name, description: values.description })
      .returning({ id: sectionTemplates.id });
    if (!row) throw new Error("Template insert returned no row");
    await insertSections(tx, row.id, values.sections);
    return row.id;
  });
}

/** Changes a template's fields; new `sections` replace the old ones, which no statement refers to. */
export async function updateTemplate(
  db: Database,
  templateId: string,
  change: Partial<TemplateValues> & { active?: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(sectionTemplates)
      .set({
        ...(change.name !== undefined && { name: change.name }),
        ...(change.description !== undefined && { description: change.description }),
        ...(change.active !== undefined && { deactivatedAt: change.active ? null : sql`now()` }),
        updatedAt: sql`now()`,
      })
      .where(eq(sectionTemplates.id, templateId));
    if (change.sections) {
      await tx.delete(sectionTemplateSections).where(eq(sectionTemplateSections.templateId, templateId));
      await insertSections(tx, templateId, change.sections);
    }
  });
}

export async function deleteTemplate(db: Database, templateId: string): Promise<void> {
  await db.delete(sectionTemplates).where(eq(sectionTemplates.id, templateId));
}

/** Gives an organisation without any template the default ones (a no-op once it has one). */
export async function ensureDefaultTemplates(
  db: Database,
  organisationId: string,
  defaults: readonly SectionTemplateDefinition[],
): Promise<void> {
  const [existing] = await db
    .select({ n: count() })
    .from(sectionTemplates)
    .where(eq(sectionTemplates.organisationId, organisationId));
  if ((existing?.n ?? 0) > 0) return;
  await db.transaction(async (tx) => {
    for (const template of defaults) {
      const [row] = await tx
        .insert(sectionTemplates)
        .values({ organisationId, name: template.name, description: template.description })
        .onConflictDoNothing()
        .returning({ id: sectionTemplates.id });
      // Another request seeded the same template meanwhile.
      if (!row) continue;
      await insertSections(
        tx,
        row.id,
        template.sections.map((section) => ({
          key: section.key,
          title: section.title,
          guidance: section.guidance ?? null,
          ownership: section.owners,
          ownerUnitIds: [...(section.ownerUnitIds ?? [])],
          approvals: section.approvals,
          startingContent: section.startingContent ?? null,
        })),
      );
    }
  });
}
