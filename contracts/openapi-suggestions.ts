import { createdSchema } from "./common";
import { type ApiRoutes, FINALISED, FORBIDDEN, INVALID, NOT_FOUND, refused } from "./openapi-operation";
import { newSuggestionSchema, suggestionDecisionSchema } from "./suggestions";

/** The OpenAPI operations of suggestions (/api/statements/{id}/suggestions/...). */
export const SUGGESTION_ROUTES: ApiRoutes = {
  "/api/statements/{id}/suggestions": {
    post: {
      summary: "Proposes replacing a passage (a comment thread with the proposed text)",
      request: newSuggestionSchema,
      responses: {
        201: { description: "Förslaget", schema: createdSchema },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
        409: FINALISED,
      },
    },
  },
  "/api/statements/{id}/suggestions/{suggestionId}": {
    post: {
      summary: "Accepts or rejects an open suggestion; only those who may edit its section",
      request: suggestionDecisionSchema,
      responses: {
        200: { description: "Avgjort", schema: createdSchema },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
        409: refused("Förslaget är redan avgjort, eller tjänsteutlåtandet är justerat"),
      },
    },
  },
};
