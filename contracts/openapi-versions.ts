import { type ApiRoutes, FORBIDDEN, INVALID, NOT_FOUND, refused } from "./openapi-operation";
import {
  namedVersionRequest,
  paragraphAuthorship,
  restoredSection,
  restoredStatement,
  restoreSectionRequest,
  restoreStatementRequest,
  versionDetail,
  versionDiff,
  versionList,
  versionSummary,
} from "./versions";

const JUSTERAT = refused("Tjänsteutlåtandet är justerat");

/** The OpenAPI operations of version history, restore and authorship. */
export const VERSION_ROUTES: ApiRoutes = {
  "/api/statements/{id}/versions": {
    get: {
      summary: "The statement's versions (approval, final, quiet and named), newest first",
      responses: {
        200: { description: "Versionerna", schema: versionList },
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
    post: {
      summary: "Names the current text as a version; drafters and chefs",
      request: namedVersionRequest,
      responses: {
        201: { description: "Den nya versionen", schema: versionSummary },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
        409: JUSTERAT,
      },
    },
  },
  "/api/statements/{id}/versions/{versionId}": {
    get: {
      summary: "A version's sections with their text and content hash",
      responses: {
        200: { description: "Versionen", schema: versionDetail },
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
  },
  "/api/statements/{id}/versions/{versionId}/diff/{other}": {
    get: {
      summary: "Word-level diff per section from a version to another one, or to `current`",
      responses: {
        200: { description: "Skillnaderna", schema: versionDiff },
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
  },
  "/api/statements/{id}/sections/{key}/restore": {
    post: {
      summary: "Restores the section's text from a version, as the user's live edit",
      request: restoreSectionRequest,
      responses: {
        200: { description: "Återställt", schema: restoredSection },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
        409: JUSTERAT,
      },
    },
  },
  "/api/statements/{id}/restore": {
    post: {
      summary:
        "Restores every section from a version, as the chef's live edits; for users who approve a section of it",
      request: restoreStatementRequest,
      responses: {
        200: { description: "De återställda avsnitten", schema: restoredStatement },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
        409: JUSTERAT,
      },
    },
  },
  "/api/statements/{id}/authorship": {
    get: {
      summary: "For each paragraph of the current text, the users who wrote it",
      responses: {
        200: { description: "Författarskapet", schema: paragraphAuthorship },
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
  },
};
