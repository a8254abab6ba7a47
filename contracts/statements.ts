import { z } from "zod";
import { ROLES } from "../domain/roles";
import { dateTimeSchema, idSchema, isoDateSchema, personSchema, unitRefSchema } from "./common";

export {
  type NewStatementFieldErrors,
  newStatementSchema as newStatementRequestSchema,
} from "../domain/new-statement";

export const statementStatusSchema = z.enum(["draft", "finalised"]);

export const statementSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  diarienummer: z.string().nullable(),
  status: statementStatusSchema,
  recipient: z.string(),
  deadline: isoDateSchema.nullable(),
  extendedDeadline: isoDateSchema.nullable(),
});
export type StatementSummary = z.infer<typeof statementSummarySchema>;

/** GET /api/statements */
export const statementListSchema = z.object({ statements: z.array(statementSummarySchema) });
export type StatementList = z.infer<typeof statementListSchema>;

/** 400 of POST /api/statements: one Swedish message per invalid field. */
export const newStatementProblemSchema = z.object({
  error: z.string(),
  fieldErrors: z.record(z.string(), z.string()),
});

/** A unit a new statement can name as preparing unit. */
export const organisationUnitSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(["avdelning", "enhet"]),
  parentId: idSchema.nullable(),
});
export type OrganisationUnit = z.infer<typeof organisationUnitSchema>;

export const requirementSchema = z.object({
  id: idSchema,
  role: z.enum(ROLES),
  unitId: idSchema.nullable(),
  unitName: z.string().nullable(),
  label: z.string(),
});

export const approvalSchema = z.object({
  id: idSchema,
  sectionKey: z.string(),
  requirementId: idSchema,
  approver: personSchema,
  role: z.string(),
  unitId: idSchema.nullable(),
  contentHash: z.string(),
  approvedText: z.string(),
  openThreads: z.number().int(),
  approvedAt: dateTimeSchema,
  staleSince: dateTimeSchema.nullable(),
  /** The approved content still matches the section's current content. */
  fresh: z.boolean(),
});
export type Approval = z.infer<typeof approvalSchema>;

export const sectionStateSchema = z.enum(["approved", "partly-approved", "stale", "open"]);

export const sectionWorkflowSchema = z.object({
  id: idSchema,
  key: z.string(),
  title: z.string(),
  position: z.number().int(),
  /** What belongs in the section, shown while it is empty; null when its template gave none. */
  guidance: z.string().nullable(),
  owners: z.array(unitRefSchema),
  requiredApprovals: z.array(requirementSchema),
  /** Hash of the section's current content: what an approval must name. */
  contentHash: z.string(),
  state: sectionStateSchema,
  approvals: z.array(approvalSchema),
  /** Requirements the viewer's roles let them approve. */
  approvableByMe: z.array(idSchema),
  /** Whether the viewer may change the section's text (domain/section-editing.ts). */
  editableByMe: z.boolean(),
});
export type SectionWorkflow = z.infer<typeof sectionWorkflowSchema>;

/** A handläggare printed on the statement. */
export const statementContactSchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type StatementContact = z.infer<typeof statementContactSchema>;

/** GET /api/statements/:id: a statement as the signed-in user sees it. */
export const statementWorkflowSchema = statementSummarySchema.extend({
  remissSender: z.string().nullable(),
  /** The date the statement bears, or null when not set. */
  statementDate: isoDateSchema.nullable(),
  /** The handläggare printed on the statement, with contact details. */
  contacts: z.array(statementContactSchema),
  preparingUnits: z.array(unitRefSchema),
  signatories: z.array(z.object({ name: z.string(), title: z.string() })),
  createdAt: dateTimeSchema,
  finalisedAt: dateTimeSchema.nullable(),
  finalisedBy: personSchema.nullable(),
  /** The coordinating handläggare, who may edit every section. */
  coordinator: personSchema.nullable(),
  sections: z.array(sectionWorkflowSchema),
  canEditText: z.boolean(),
  canFinalise: z.boolean(),
  /** Every section holds fresh approvals of all it requires. */
  readyToFinalise: z.boolean(),
});
export type StatementWorkflow = z.infer<typeof statementWorkflowSchema>;
