import { z } from "zod";
import { ROLES } from "../domain/roles";

/* Request and response schemas of the administration API, `/api/admin/...`. */

const name = (label: string, max: number) =>
  z
    .string({ error: `Ange ${label}.` })
    .trim()
    .min(1, { error: `Ange ${label}.` })
    .max(max, { error: `Högst ${max} tecken.` });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Högst ${max} tecken.` })
    .nullish()
    .transform((value) => (value ? value : null));

const id = z.uuid({ error: "Ogiltigt id." });

/** `POST /api/admin/units`: an avdelning (no parent) or an enhet under an avdelning. */
export const unitCreateSchema = z
  .object({
    name: name("ett namn", 200),
    kind: z.enum(["avdelning", "enhet"], { error: "Välj avdelning eller enhet." }),
    parentId: id.nullish().transform((value) => value ?? null),
  })
  .strict();
export type UnitCreate = z.infer<typeof unitCreateSchema>;

/** `PATCH /api/admin/units/:id`: rename, move (to another avdelning), deactivate or reactivate. */
export const unitPatchSchema = z
  .object({
    name: name("ett namn", 200).optional(),
    parentId: id.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UnitPatch = z.infer<typeof unitPatchSchema>;

/** What the administratör manages (units, users, templates): deactivated ones keep their history. */
export const administeredSchema = z.object({ id: z.uuid(), name: z.string(), active: z.boolean() });

export const adminUnitSchema = administeredSchema.extend({
  kind: z.enum(["avdelning", "enhet"]),
  parentId: z.uuid().nullable(),
});
export type AdminUnit = z.infer<typeof adminUnitSchema>;

export const roleGrantSchema = z
  .object({
    role: z.enum(ROLES, { error: "Okänd roll." }),
    unitId: id.nullish().transform((value) => value ?? null),
  })
  .strict();
export type RoleGrantInput = z.infer<typeof roleGrantSchema>;

const email = z
  .string({ error: "Ange en e-postadress." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Ange en giltig e-postadress." }).max(254));

/** At least 12 characters; `null` means sign-in only through the identity provider. */
const password = z
  .string()
  .min(12, { error: "Lösenordet ska ha minst 12 tecken." })
  .max(200, { error: "Högst 200 tecken." })
  .nullable();

/** `POST /api/admin/users`. */
export const userCreateSchema = z
  .object({
    name: name("ett namn", 200),
    email,
    title: optionalText(200),
    telephone: optionalText(50),
    password: password.optional().transform((value) => value ?? null),
    roles: z.array(roleGrantSchema).max(50).default([]),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreateSchema>;

/**
 * `PATCH /api/admin/users/:id`: any of the fields; `roles` replaces every grant; `password` sets a
 * new password, or `null` for sign-in only through the identity provider; `active` deactivates.
 */
export const userEditSchema = z
  .object({
    name: name("ett namn", 200).optional(),
    email: email.optional(),
    title: optionalText(200).optional(),
    telephone: optionalText(50).optional(),
    password: password.optional(),
    roles: z.array(roleGrantSchema).max(50).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UserEdit = z.infer<typeof userEditSchema>;

export const adminUserSchema = administeredSchema.extend({
  email: z.string(),
  title: z.string().nullable(),
  telephone: z.string().nullable(),
  passwordSignIn: z.boolean(),
  roles: z.array(
    z.object({ role: z.enum(ROLES), unitId: z.uuid().nullable(), unitName: z.string().nullable() }),
  ),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

/** `GET /api/admin/users?q=…`: name or e-mail contains `q` (case-insensitive). */
export const userSearchSchema = z.object({ q: z.string().trim().max(200).optional() });

export const organisationEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  targetKind: z.enum(["unit", "user", "oidc-mapping", "template"]),
  targetId: z.uuid(),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type OrganisationEvent = z.infer<typeof organisationEventSchema>;

/**
 * `POST /api/admin/users/import`: a CSV text with the columns namn, e-post, titel, enhet, roll.
 * Without `commit` (or `false`) it is only checked (the preview); with `true` every row is created,
 * or, if any row has a problem, none.
 */
export const userImportSchema = z
  .object({
    csv: z.string({ error: "Ange CSV-texten." }).max(1_000_000, { error: "Filen är för stor." }),
    commit: z.boolean().default(false),
  })
  .strict();

export const importRowSchema = z.object({
  line: z.number().int(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  role: z.string(),
  errors: z.array(z.string()),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const userImportResponseSchema = z.object({
  rows: z.array(importRowSchema),
  valid: z.boolean(),
  created: z.number().int(),
});
export type UserImportResponse = z.infer<typeof userImportResponseSchema>;

export const unitListSchema = z.object({ units: z.array(adminUnitSchema) });
export const unitDeletedSchema = z.object({ deleted: z.literal(true) });
export const userListSchema = z.object({ users: z.array(adminUserSchema) });
export const organisationEventListSchema = z.object({ events: z.array(organisationEventSchema) });

/** `npm run admin -- create-admin`: an administratör created without a browser. */
export const createAdminSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Ange en giltig e-postadress." })),
  name: z.string().trim().min(1, { error: "Ange ett namn." }).max(200),
  organisation: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(12, { error: "Lösenordet ska ha minst 12 tecken." }).max(200),
});

/** `POST /api/setup`: the first-run page also names the organisation. */
export const setupSchema = createAdminSchema.extend({
  organisation: z
    .string({ error: "Ange organisationens namn." })
    .trim()
    .min(1, { error: "Ange organisationens namn." })
    .max(200),
});
export const setupResponseSchema = z.object({ id: z.uuid(), organisationId: z.uuid() });

/** A refused import: the message, and each row's problems when the file itself could be read. */
export const userImportRefusalSchema = userImportResponseSchema.partial().extend({ error: z.string() });

export { id as adminIdSchema, name as requiredTextSchema, optionalText as optionalTextSchema };
