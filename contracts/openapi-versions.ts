import type { ApiRoutes } from "./openapi-operation";

/** The OpenAPI operations of version history, restore and authorship. */
export const VERSION_ROUTES: ApiRoutes = {};
