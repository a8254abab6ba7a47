import { z } from "zod";
import { APPROVER_ROLES, SECTION_OWNERSHIPS } from "../domain/template";
import { adminIdSchema, administeredSchema, optionalTextSchema, requiredTextSchema } from "./admin";

/* The section templates: `/api/admin/templates` (administratörer) and `/api/templates` (everyone). */

const text = z.string().max(2000);

/** A section's starting text: the content blocks of domain/content.ts. */
export const contentBlockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), text }),
  z.object({ type: z.literal("heading"), level: z.union([z.literal(2), z.literal(3)]), text }),
  z.object({ type: z.literal("orderedList"), items: z.array(text).max(50) }),
  z.object({ type: z.literal("bulletList"), items: z.array(text).max(50) }),
]);

/** A role and, optionally, the unit whose holder approves; without one, each owning unit's holder. */
export const templateApprovalSchema = z
  .object({
    role: z.enum(APPROVER_ROLES, { error: "Välj enhetschef, avdelningschef eller stadsdelsdirektör." }),
    unitId: adminIdSchema.nullish().transform((value) => value ?? null),
  })
  .strict();

export const SECTION_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const templateSectionSchema = z
  .object({
    key: z
      .string({ error: "Ange en nyckel." })
      .trim()
      .regex(SECTION_KEY_PATTERN, { error: "Nyckeln får bara ha a–z, 0–9 och bindestreck mellan dem." })
      .max(60, { error: "Högst 60 tecken." }),
    title: requiredTextSchema("en rubrik", 200),
    guidance: optionalTextSchema(2000),
    ownership: z.enum(SECTION_OWNERSHIPS, { error: "Välj vem som äger avsnittet." }),
    ownerUnitIds: z.array(adminIdSchema).max(50).default([]),
    approvals: z.array(templateApprovalSchema).max(20).default([]),
    startingContent: z
      .array(contentBlockSchema)
      .max(20)
      .nullish()
      .transform((value) => value ?? null),
  })
  .strict();
export type TemplateSectionInput = z.infer<typeof templateSectionSchema>;

const sectionsSchema = z
  .array(templateSectionSchema, { error: "Ange avsnitten." })
  .min(1, { error: "En mall behöver minst ett avsnitt." })
  .max(50, { error: "Högst 50 avsnitt." });

/** `POST /api/admin/templates`. */
export const templateCreateSchema = z
  .object({
    name: requiredTextSchema("ett namn", 200),
    description: optionalTextSchema(1000),
    sections: sectionsSchema,
  })
  .strict();
export type TemplateCreate = z.infer<typeof templateCreateSchema>;

/** `PATCH /api/admin/templates/:id`: any field; `sections` replaces them all; `active` deactivates. */
export const templatePatchSchema = z
  .object({
    name: requiredTextSchema("ett namn", 200).optional(),
    description: optionalTextSchema(1000).optional(),
    sections: sectionsSchema.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type TemplatePatch = z.infer<typeof templatePatchSchema>;

export const adminTemplateSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  guidance: z.string().nullable(),
  ownership: z.enum(SECTION_OWNERSHIPS),
  ownerUnitIds: z.array(z.uuid()),
  approvals: z.array(z.object({ role: z.enum(APPROVER_ROLES), unitId: z.uuid().nullable() })),
  startingContent: z.array(contentBlockSchema).nullable(),
});
export type AdminTemplateSection = z.infer<typeof adminTemplateSectionSchema>;

export const adminTemplateSchema = administeredSchema.extend({
  description: z.string().nullable(),
  /** Whether a statement was started from it: then it can be deactivated, not deleted. */
  inUse: z.boolean(),
  sections: z.array(adminTemplateSectionSchema),
});
export type AdminTemplate = z.infer<typeof adminTemplateSchema>;

export const templateListSchema = z.object({ templates: z.array(adminTemplateSchema) });
export const templateDeletedSchema = z.object({ deleted: z.literal(true) });

/** A template the new-statement form offers: its name, description and section titles. */
export const templateOptionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  sections: z.array(z.object({ key: z.string(), title: z.string() })),
});
export type TemplateOption = z.infer<typeof templateOptionSchema>;

/** `GET /api/templates`: the active templates, the first being the default. */
export const templateOptionListSchema = z.object({ templates: z.array(templateOptionSchema) });
