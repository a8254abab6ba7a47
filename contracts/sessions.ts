import { z } from "zod";

/** `DELETE /api/users/:id/sessions` (`:id` is a user id, or `me`): every session of the user ended. */
export const endSessionsParamsSchema = z.object({
  id: z.union([z.literal("me"), z.uuid()]),
});

export const endSessionsResponseSchema = z.object({ ended: z.number().int().min(0) });
export type EndSessionsResponse = z.infer<typeof endSessionsResponseSchema>;
