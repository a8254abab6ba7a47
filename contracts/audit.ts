import { z } from "zod";
import { dateTimeSchema, personSchema } from "./common";

export const auditEventSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  sectionKey: z.string().nullable(),
  actor: personSchema.nullable(),
  details: z.record(z.string(), z.unknown()),
  at: dateTimeSchema,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** GET /api/statements/:id/audit: the append-only trail, oldest first. */
export const auditTrailSchema = z.object({ events: z.array(auditEventSchema) });
