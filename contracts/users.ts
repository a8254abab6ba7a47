import { z } from "zod";

/** `PATCH /api/users/:id`: an administratör deactivates (`false`) or reactivates (`true`) an account. */
export const userPatchSchema = z.object({ active: z.boolean() }).strict();
export type UserPatch = z.infer<typeof userPatchSchema>;

export const userPatchResponseSchema = z.object({
  active: z.boolean(),
  endedSessions: z.number().int().min(0),
});
export type UserPatchResponse = z.infer<typeof userPatchResponseSchema>;
