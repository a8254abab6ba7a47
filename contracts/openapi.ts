import { z } from "zod";
import { auditTrailSchema } from "./audit";
import { commentPatchSchema, newThreadSchema, replySchema, threadListSchema } from "./comments";
import { createdSchema, errorSchema } from "./common";
import { statementEventSchema } from "./events";
import { ADMIN_ROUTES } from "./openapi-admin";
import { OIDC_ROUTES } from "./openapi-oidc";
import {
  type Answer,
  type ApiRoutes,
  FINALISED,
  FORBIDDEN,
  INVALID,
  NOT_FOUND,
  type Operation,
  refused,
} from "./openapi-operation";
import { SECURITY_ROUTES } from "./openapi-security";
import { SUGGESTION_ROUTES } from "./openapi-suggestions";
import { VERSION_ROUTES } from "./openapi-versions";
import {
  approvalConflictSchema,
  approvalGrantedSchema,
  approvalRequestSchema,
  finalisedSchema,
  notApprovedSchema,
  revocationRequestSchema,
  revokedSchema,
} from "./sign-off";
import { statementDetailsPatchSchema, statementDetailsResponseSchema } from "./statement-details";
import { EXPORT_CONTENT_TYPES, statementExportQuerySchema } from "./statement-export";
import {
  docxImportCreateRequestSchema,
  docxImportPreviewRequestSchema,
  docxImportPreviewSchema,
} from "./statement-import";
import {
  newStatementProblemSchema,
  newStatementRequestSchema,
  statementListSchema,
  statementWorkflowSchema,
} from "./statements";

/** Starts a statement: answers with its id, or refuses the input or a user who may not. */
const statementCreation = (summary: string, request: z.ZodType, invalid: Answer): Operation => ({
  summary,
  request,
  responses: {
    201: { description: "Det nya utlåtandet", schema: createdSchema },
    400: invalid,
    403: FORBIDDEN,
  },
});

/** Every route of the HTTP API under app/api, with the contracts it is validated and answered with. */
export const API_ROUTES: ApiRoutes = {
  ...ADMIN_ROUTES,
  ...OIDC_ROUTES,
  ...SECURITY_ROUTES,
  ...SUGGESTION_ROUTES,
  ...VERSION_ROUTES,
  "/api/openapi.json": {
    get: {
      summary: "This document",
      public: true,
      responses: { 200: { description: "OpenAPI 3.1" } },
    },
  },
  "/api/statements": {
    get: {
      summary: "The statements of the user's organisation, newest first",
      responses: { 200: { description: "Utlåtandena", schema: statementListSchema } },
    },
    post: statementCreation(
      "Starts a statement from a section template (templateId, or the default)",
      newStatementRequestSchema,
      { description: "Ett meddelande per ogiltigt fält", schema: newStatementProblemSchema },
    ),
  },
  "/api/statements/{id}": {
    get: {
      summary: "Metadata, and per section its content hash, sign-off state and approvals",
      responses: {
        200: { description: "Utlåtandet", schema: statementWorkflowSchema },
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
  },
  "/api/statements/import": {
    post: statementCreation(
      "Creates a statement from a Word file (base64) and the new statement's details",
      docxImportCreateRequestSchema,
      { description: "Filen kan inte läsas, eller ett meddelande per ogiltigt fält" },
    ),
  },
  "/api/statements/import/preview": {
    post: {
      summary: "Reads a Word file (base64) and proposes a statement from it; stores nothing",
      request: docxImportPreviewRequestSchema,
      responses: {
        200: { description: "Förslaget", schema: docxImportPreviewSchema },
        400: refused("Filen är inte ett läsbart Word-dokument, eller är för stor"),
        403: FORBIDDEN,
      },
    },
  },
  "/api/statements/{id}/details": {
    patch: {
      summary: "Changes the statement's details; a field sent replaces the stored value",
      request: statementDetailsPatchSchema,
      responses: {
        200: { description: "De ändrade fälten", schema: statementDetailsResponseSchema },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
        409: FINALISED,
      },
    },
  },
  "/api/statements/{id}/export": {
    get: {
      summary: "The statement as DOCX or PDF; after justering, its frozen final version",
      query: statementExportQuerySchema,
      files: Object.values(EXPORT_CONTENT_TYPES),
      responses: {
        200: { description: "Dokumentet, som bilaga med filnamn av diarienummer och titel" },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
        503: refused("PDF-motorn saknas; DOCX fungerar"),
      },
    },
  },
  "/api/statements/{id}/audit": {
    get: {
      summary: "The append-only audit trail, oldest first",
      responses: {
        200: { description: "Händelserna", schema: auditTrailSchema },
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
  },
  "/api/statements/{id}/events": {
    get: {
      summary:
        "Server-Sent Events: `event: changed` with {statementId, kind} when the workflow state changes",
      eventStream: true,
      responses: {
        200: { description: "Varje händelses data", schema: statementEventSchema },
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
  },
  "/api/statements/{id}/finalise": {
    post: {
      summary: "Finalises (justerar) the statement",
      responses: {
        200: { description: "Justerat", schema: finalisedSchema },
        403: FORBIDDEN,
        404: NOT_FOUND,
        409: { description: "Avsnitt som inte är godkända", schema: notApprovedSchema },
        503: refused("En annan server med tjänsteutlåtandet öppet svarar inte; försök igen"),
      },
    },
  },
  "/api/statements/{id}/sections/{key}/approvals": {
    post: {
      summary: "Approves the section, bound to the content hash the user saw",
      request: approvalRequestSchema,
      responses: {
        201: { description: "Godkänt", schema: approvalGrantedSchema },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
        409: {
          description: "Avsnittet har ändrats, eller utlåtandet är justerat",
          schema: approvalConflictSchema,
        },
      },
    },
    delete: {
      summary: "Revokes the user's own approvals of the section",
      request: revocationRequestSchema,
      responses: {
        200: { description: "Återkallat", schema: revokedSchema },
        404: NOT_FOUND,
        409: FINALISED,
      },
    },
  },
  "/api/statements/{id}/comments": {
    get: {
      summary: "The comment threads with their replies",
      responses: {
        200: { description: "Trådarna", schema: threadListSchema },
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
    post: {
      summary: "Starts a thread on a passage",
      request: newThreadSchema,
      responses: {
        201: { description: "Tråden", schema: createdSchema },
        400: INVALID,
        403: FORBIDDEN,
        409: FINALISED,
      },
    },
  },
  "/api/statements/{id}/comments/{commentId}": {
    patch: {
      summary: "Edits one's own comment, or resolves or reopens a thread",
      request: commentPatchSchema,
      responses: {
        200: { description: "Ändrad", schema: createdSchema },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
    delete: {
      summary: "Deletes one's own comment (a first comment deletes its thread)",
      responses: { 200: { description: "Borttagen", schema: createdSchema }, 403: FORBIDDEN, 404: NOT_FOUND },
    },
  },
  "/api/statements/{id}/comments/{commentId}/replies": {
    post: {
      summary: "Replies to a thread",
      request: replySchema,
      responses: {
        201: { description: "Svaret", schema: createdSchema },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
}

function queryParameters(schema: z.ZodObject | undefined) {
  if (!schema) return [];
  const { properties = {}, required = [] } = jsonSchema(schema, "input") as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: required.includes(name),
    schema: property,
  }));
}

/** A file answer: its bytes, in each media type it may have. */
function fileContent(mediaTypes: readonly string[]) {
  return Object.fromEntries(
    mediaTypes.map((media) => [media, { schema: { type: "string", contentMediaType: media } }]),
  );
}

function operationObject(path: string, operation: Operation) {
  const answers: Operation["responses"] = operation.public
    ? operation.responses
    : { ...operation.responses, 401: refused("Inloggning krävs") };
  const responses = Object.fromEntries(
    Object.entries(answers).map(([status, answer]) => {
      const schema = answer.schema ?? (Number(status) >= 400 ? errorSchema : undefined);
      const media = operation.eventStream && status === "200" ? "text/event-stream" : "application/json";
      const content =
        operation.files && status === "200"
          ? fileContent(operation.files)
          : schema
            ? { [media]: { schema: jsonSchema(schema, "output") } }
            : undefined;
      return [status, { description: answer.description, ...(content && { content }) }];
    }),
  );
  return {
    summary: operation.summary,
    parameters: [...pathParameters(path), ...queryParameters(operation.query)],
    ...(operation.request && {
      requestBody: { content: { "application/json": { schema: jsonSchema(operation.request, "input") } } },
    }),
    responses,
    security: operation.public ? [] : [{ session: [] }],
  };
}

/** The OpenAPI 3.1 document of the HTTP API, generated from the same schemas the routes validate with. */
export function openApiDocument() {
  const paths = Object.fromEntries(
    Object.entries(API_ROUTES).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, operation]) => [method, operationObject(path, operation)]),
      ),
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Beredning",
      version: "1",
      description:
        "Tjänsteutlåtanden: metadata and details, sign-off, comments, the audit trail, DOCX/PDF export and Word import. Errors are `{error}` with a Swedish message.",
    },
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
  };
}
