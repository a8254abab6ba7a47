import { type ApiRoutes, FORBIDDEN, INVALID, NOT_FOUND } from "./openapi-operation";
import { endSessionsResponseSchema } from "./sessions";
import { userPatchResponseSchema, userPatchSchema } from "./users";

/** The OpenAPI operations of users and their sessions (/api/users/...). */
export const SECURITY_ROUTES: ApiRoutes = {
  "/api/users/{id}": {
    patch: {
      summary: "Deactivates (ending every session) or reactivates an account; administratörer only",
      request: userPatchSchema,
      responses: {
        200: { description: "Kontots läge", schema: userPatchResponseSchema },
        400: INVALID,
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
  },
  "/api/users/{id}/sessions": {
    delete: {
      summary: "Ends every session of the user: `me`, or anyone as an administratör",
      responses: {
        200: { description: "Antalet avslutade sessioner", schema: endSessionsResponseSchema },
        403: FORBIDDEN,
        404: NOT_FOUND,
      },
    },
  },
};
