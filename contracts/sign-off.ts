import { z } from "zod";
import { dateTimeSchema, idSchema } from "./common";

const contentHashSchema = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/, "ska vara innehållshashen som avsnittet visades med");

/** POST /api/statements/:id/sections/:key/approvals: the hash of the content the user saw. */
export const approvalRequestSchema = z.object({ contentHash: contentHashSchema });
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

export const approvalGrantedSchema = z.object({ approvalIds: z.array(idSchema), contentHash: z.string() });

/** 409 of an approval: the section changed since the user read it. */
export const approvalConflictSchema = z.object({ error: z.string(), currentHash: z.string() });

/** DELETE /api/statements/:id/sections/:key/approvals, with an optional reason. */
export const revocationRequestSchema = z
  .object({ reason: z.string().trim().max(1000).optional() })
  .optional();

export const revokedSchema = z.object({ revoked: z.number().int() });

/** POST /api/statements/:id/finalise */
export const finalisedSchema = z.object({ finalisedAt: dateTimeSchema });

/** 409 of finalising: the sections not approved yet. */
export const notApprovedSchema = z.object({
  error: z.string(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), state: z.string() })),
});
