import type { ApiRoutes } from "./openapi-operation";

/** The OpenAPI operations of the administration API (/api/admin/..., /api/setup). */
export const ADMIN_ROUTES: ApiRoutes = {};
