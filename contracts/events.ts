import { z } from "zod";
import { idSchema } from "./common";

/** What changed in a statement's workflow state; clients refetch the statement when told. */
export const statementEventKindSchema = z.enum(["approvals", "comments", "status", "details"]);
export type StatementEventKind = z.infer<typeof statementEventKindSchema>;

/** The data of each `event: changed` on GET /api/statements/:id/events (Server-Sent Events). */
export const statementEventSchema = z.object({ statementId: idSchema, kind: statementEventKindSchema });
export type StatementEvent = z.infer<typeof statementEventSchema>;
