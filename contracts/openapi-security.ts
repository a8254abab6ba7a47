import type { ApiRoutes } from "./openapi-operation";

/** The OpenAPI operations of users and their sessions (/api/users/...). */
export const SECURITY_ROUTES: ApiRoutes = {};
