import type { z } from "zod";
import {
  adminUnitSchema,
  adminUserSchema,
  organisationEventListSchema,
  setupResponseSchema,
  setupSchema,
  unitCreateSchema,
  unitDeletedSchema,
  unitListSchema,
  unitPatchSchema,
  userCreateSchema,
  userEditSchema,
  userImportRefusalSchema,
  userImportResponseSchema,
  userImportSchema,
  userListSchema,
  userSearchSchema,
} from "./admin";
import { type Answer, type ApiRoutes, FORBIDDEN, INVALID, NOT_FOUND, refused } from "./openapi-operation";
import {
  adminTemplateSchema,
  templateCreateSchema,
  templateDeletedSchema,
  templateListSchema,
  templateOptionListSchema,
  templatePatchSchema,
} from "./templates";

/** Refused to anyone but an administratör. */
export const ADMIN_ONLY = refused("Användaren är inte administratör");
const TAKEN = refused("Namnet eller e-postadressen används redan");
const TEMPLATE_CLASH = refused("Namnet används redan, eller två avsnitt har samma nyckel");

const UNIT: Answer = { description: "Enheten", schema: adminUnitSchema };
const USER: Answer = { description: "Användaren", schema: adminUserSchema };

/** An administratör creates something whose name (or e-mail, or grant) must be free. */
export const creation = (summary: string, request: z.ZodType, created: Answer, conflict: Answer = TAKEN) => ({
  summary,
  request,
  responses: { 201: created, 400: INVALID, 403: ADMIN_ONLY, 409: conflict },
});

/** A list of the organisation's that only an administratör may read. */
export const adminListing = (summary: string, listed: Answer, query?: z.ZodObject) => ({
  summary,
  query,
  responses: { 200: listed, 403: ADMIN_ONLY },
});

/** A change of a unit or user: refused when not allowed, unknown or in conflict with another. */
const change = (
  summary: string,
  request: z.ZodType,
  changed: Answer,
  conflict: Answer,
  forbidden: Answer = ADMIN_ONLY,
) => ({
  summary,
  request,
  responses: { 200: changed, 400: INVALID, 403: forbidden, 404: NOT_FOUND, 409: conflict },
});

/** The OpenAPI operations of the administration API (/api/admin/..., /api/setup). */
export const ADMIN_ROUTES: ApiRoutes = {
  "/api/admin/units": {
    get: adminListing("Every unit of the organisation, deactivated ones included", {
      description: "Enheterna",
      schema: unitListSchema,
    }),
    post: creation("Creates an avdelning, or an enhet under an avdelning", unitCreateSchema, {
      description: "Den nya enheten",
      schema: adminUnitSchema,
    }),
  },
  "/api/admin/units/{id}": {
    patch: change("Renames, moves, deactivates or reactivates a unit", unitPatchSchema, UNIT, TAKEN),
    delete: {
      summary: "Deletes a unit that no statement, template or role refers to",
      responses: {
        200: { description: "Enheten är borttagen", schema: unitDeletedSchema },
        403: ADMIN_ONLY,
        404: NOT_FOUND,
        409: refused("Enheten används och kan bara avaktiveras"),
      },
    },
  },
  "/api/admin/users": {
    get: adminListing(
      "The organisation's users, narrowed to names or e-mails containing q",
      { description: "Användarna", schema: userListSchema },
      userSearchSchema,
    ),
    post: creation("Creates an account with its roles", userCreateSchema, {
      description: "Den nya användaren",
      schema: adminUserSchema,
    }),
  },
  "/api/admin/users/{id}": {
    patch: change(
      "Edits fields and roles, resets the password or deactivates (ending the sessions)",
      userEditSchema,
      USER,
      refused("E-postadressen används redan, eller den egna administratörsrollen tas bort"),
      FORBIDDEN,
    ),
  },
  "/api/admin/users/import": {
    post: {
      summary: "Checks a CSV of users (the preview) or, with commit, creates every row or none",
      request: userImportSchema,
      responses: {
        200: { description: "Förhandsgranskningen", schema: userImportResponseSchema },
        201: { description: "Alla rader är skapade", schema: userImportResponseSchema },
        400: {
          description: "Ogiltig fil, eller rader med fel: inget skapas",
          schema: userImportRefusalSchema,
        },
        403: ADMIN_ONLY,
      },
    },
  },
  "/api/admin/templates": {
    get: adminListing("Every section template of the organisation, deactivated ones included", {
      description: "Mallarna",
      schema: templateListSchema,
    }),
    post: creation(
      "Creates a section template with its sections in order",
      templateCreateSchema,
      { description: "Den nya mallen", schema: adminTemplateSchema },
      TEMPLATE_CLASH,
    ),
  },
  "/api/admin/templates/{id}": {
    get: {
      summary: "A section template with its sections",
      responses: {
        200: { description: "Mallen", schema: adminTemplateSchema },
        403: ADMIN_ONLY,
        404: NOT_FOUND,
      },
    },
    patch: {
      summary: "Renames, replaces the sections of, deactivates or reactivates a template",
      request: templatePatchSchema,
      responses: {
        200: { description: "Mallen", schema: adminTemplateSchema },
        400: INVALID,
        403: ADMIN_ONLY,
        404: NOT_FOUND,
        409: TEMPLATE_CLASH,
      },
    },
    delete: {
      summary: "Deletes a template no statement was started from",
      responses: {
        200: { description: "Mallen är borttagen", schema: templateDeletedSchema },
        403: ADMIN_ONLY,
        404: NOT_FOUND,
        409: refused("Mallen används och kan bara avaktiveras"),
      },
    },
  },
  "/api/templates": {
    get: {
      summary: "The active section templates a new statement can start from, the default first",
      responses: { 200: { description: "Mallarna", schema: templateOptionListSchema } },
    },
  },
  "/api/admin/events": {
    get: adminListing("The organisation's administration trail, newest first", {
      description: "Händelserna",
      schema: organisationEventListSchema,
    }),
  },
  "/api/setup": {
    post: {
      summary: "The organisation and its first administratör, only while the database has no account",
      public: true,
      request: setupSchema,
      responses: {
        201: { description: "Administratören", schema: setupResponseSchema },
        400: INVALID,
        409: refused("Beredning är redan i gång"),
      },
    },
  },
};
