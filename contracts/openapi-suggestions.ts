import type { ApiRoutes } from "./openapi-operation";

/** The OpenAPI operations of suggestions (/api/statements/{id}/suggestions/...). */
export const SUGGESTION_ROUTES: ApiRoutes = {};
