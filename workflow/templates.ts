import {
  type AdminTemplate,
  type AdminTemplateSection,
  type TemplateOption,
  type TemplateSectionInput,
  templateCreateSchema,
  templatePatchSchema,
} from "../contracts/templates";
import type { Database } from "../db/client";
import {
  deleteTemplate,
  ensureDefaultTemplates,
  findTemplate,
  insertTemplate,
  listTemplates,
  templateNameTaken,
  updateTemplate,
} from "../db/queries/templates";
import { findOrganisationUnits } from "../db/queries/units";
import type { SessionUser } from "../db/queries/users";
import type { ContentBlock } from "../domain/content";
import { isUnitRole } from "../domain/section-plan";
import { DEFAULT_TEMPLATES, type TemplateSection } from "../domain/template";
import {
  type Administered,
  adminChange,
  administered,
  adminRead,
  adminRemoval,
  adminRequest,
  recordAdminEvent,
} from "./admin-access";
import { fail, type WorkflowFailure, type WorkflowResult } from "./result";

export const TEMPLATE_NOT_FOUND = "Mallen finns inte";
export const TEMPLATE_NAME_TAKEN = "Det finns redan en mall med det namnet";
export const TEMPLATE_IN_USE = "Mallen används av tjänsteutlåtanden och kan inte tas bort, bara avaktiveras";

/** Gives the organisation the default templates if it has none yet (an upgraded or new database). */
export async function ensureTemplates(db: Database, organisationId: string): Promise<void> {
  await ensureDefaultTemplates(db, organisationId, DEFAULT_TEMPLATES);
}

/** Every template of the organisation, deactivated ones included. */
export const listTemplatesForAdmin = adminRead(async (db, organisationId) => {
  await ensureTemplates(db, organisationId);
  return listTemplates(db, organisationId);
});

const TEMPLATE: Administered<AdminTemplate> = { find: findTemplate, notFound: TEMPLATE_NOT_FOUND };

export function templateForAdmin(
  db: Database,
  actor: SessionUser,
  templateId: string,
): Promise<WorkflowResult<AdminTemplate>> {
  return administered(db, actor, TEMPLATE, templateId);
}

/** The active templates a new statement can be started from; the first is the default. */
export async function templateOptions(db: Database, user: SessionUser): Promise<TemplateOption[]> {
  await ensureTemplates(db, user.organisationId);
  const templates = await listTemplates(db, user.organisationId, { activeOnly: true });
  return templates.map(({ id, name, description, sections }) => ({
    id,
    name,
    description,
    sections: sections.map(({ key, title }) => ({ key, title })),
  }));
}

function toTemplateSection(section: AdminTemplateSection): TemplateSection {
  return {
    key: section.key,
    title: section.title,
    owners: section.ownership,
    ownerUnitIds: section.ownerUnitIds,
    approvals: section.approvals,
    ...(section.guidance !== null && { guidance: section.guidance }),
    ...(section.startingContent !== null && { startingContent: section.startingContent as ContentBlock[] }),
  };
}

/**
 * The active template a new statement copies its sections from: the one named, or without a name
 * the organisation's first; null when there is no such template.
 */
export async function statementTemplate(
  db: Database,
  organisationId: string,
  templateId: string | null,
): Promise<{ id: string; sections: TemplateSection[] } | null> {
  await ensureTemplates(db, organisationId);
  const active = await listTemplates(db, organisationId, {
    activeOnly: true,
    ...(templateId !== null && { templateId }),
  });
  const template = active[0];
  return template ? { id: template.id, sections: template.sections.map(toTemplateSection) } : null;
}

function duplicateKey(sections: TemplateSectionInput[]): string | null {
  const seen = new Set<string>();
  for (const { key } of sections) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return null;
}

/** What is wrong with one section beyond its shape: owners missing, a unit on an organisation role. */
function sectionProblem(section: TemplateSectionInput): string | null {
  if (section.ownership === "units" && section.ownerUnitIds.length === 0) {
    return "välj minst en ägande enhet";
  }
  if (section.approvals.some(({ role, unitId }) => !isUnitRole(role) && unitId !== null)) {
    return "stadsdelsdirektören godkänner utan enhet";
  }
  return null;
}

/** Sections are checked against each other (a key clash is 409) and the organisation's units. */
async function sectionsCheck(
  db: Database,
  organisationId: string,
  sections: TemplateSectionInput[],
): Promise<WorkflowFailure | null> {
  const clash = duplicateKey(sections);
  if (clash) return fail("conflict", `Nyckeln ${clash} används av flera avsnitt i mallen`);
  for (const section of sections) {
    const problem = sectionProblem(section);
    if (problem) return fail("invalid", `Ogiltig förfrågan: avsnittet ${section.key}: ${problem}`);
  }
  const unitIds = [
    ...new Set(
      sections.flatMap((section) => [
        ...section.ownerUnitIds,
        ...section.approvals.flatMap(({ unitId }) => (unitId ? [unitId] : [])),
      ]),
    ),
  ];
  const found = await findOrganisationUnits(db, organisationId, unitIds);
  if (found.length < unitIds.length) {
    return fail("invalid", "Ogiltig förfrågan: en vald enhet finns inte i förvaltningen");
  }
  return null;
}

const sectionKeys = (sections: { key: string }[]) => sections.map((section) => section.key);

/** Creates a template with its sections in order; a name the organisation already uses is a 409. */
export const createTemplate = adminRequest(
  templateCreateSchema,
  async (db, actor, { name, description, sections }): Promise<WorkflowResult<AdminTemplate>> => {
    const problem = await sectionsCheck(db, actor.organisationId, sections);
    if (problem) return problem;
    if (await templateNameTaken(db, actor.organisationId, name)) return fail("conflict", TEMPLATE_NAME_TAKEN);
    const id = await insertTemplate(db, actor.organisationId, { name, description, sections });
    await recordAdminEvent(db, actor, {
      action: "template.created",
      targetKind: "template",
      targetId: id,
      details: { name, sections: sectionKeys(sections) },
    });
    return templateForAdmin(db, actor, id);
  },
);

/** Renames, describes, replaces the sections of, deactivates or reactivates a template. */
export const changeTemplate = adminChange(
  { ...TEMPLATE, schema: templatePatchSchema },
  async (db, actor, template, change): Promise<WorkflowResult<AdminTemplate>> => {
    if (change.sections) {
      const problem = await sectionsCheck(db, actor.organisationId, change.sections);
      if (problem) return problem;
    }
    if (
      change.name !== undefined &&
      (await templateNameTaken(db, actor.organisationId, change.name, template.id))
    ) {
      return fail("conflict", TEMPLATE_NAME_TAKEN);
    }
    await updateTemplate(db, template.id, change);
    const { sections, ...fields } = change;
    await recordAdminEvent(db, actor, {
      action: "template.updated",
      targetKind: "template",
      targetId: template.id,
      details: {
        before: { name: template.name, active: template.active, sections: sectionKeys(template.sections) },
        change: { ...fields, ...(sections && { sections: sectionKeys(sections) }) },
      },
    });
    return templateForAdmin(db, actor, template.id);
  },
);

/** Deletes a template no statement was started from; one in use can only be deactivated (409). */
export const removeTemplate = adminRemoval({
  ...TEMPLATE,
  targetKind: "template",
  refusal: (_db, template) => (template.inUse ? TEMPLATE_IN_USE : null),
  remove: deleteTemplate,
  logged: ({ name, sections }) => ({ name, sections: sectionKeys(sections) }),
});
