import { z } from "zod";
import { commentBodySchema } from "../domain/comments";
import { BASE64_PATTERN, dateTimeSchema, idSchema, personSchema } from "./common";

const base64 = z.string().min(4).max(4096).regex(BASE64_PATTERN, "ska vara base64");

/** POST /api/statements/:id/comments: a thread on a passage, anchored by Yjs relative positions. */
export const newThreadSchema = z.object({
  sectionKey: z.string().min(1).max(200),
  anchor: z.object({ start: base64, end: base64 }),
  quote: z
    .string()
    .max(10_000)
    .transform((quote) => quote.trim()),
  body: commentBodySchema,
});
export type NewThread = z.input<typeof newThreadSchema>;
export type NewThreadInput = z.output<typeof newThreadSchema>;

/** POST /api/statements/:id/comments/:commentId/replies */
export const replySchema = z.object({ body: commentBodySchema });

/** PATCH /api/statements/:id/comments/:commentId: new text, or resolve / reopen. */
export const commentPatchSchema = z.union(
  [z.object({ body: commentBodySchema }).strict(), z.object({ resolved: z.boolean() }).strict()],
  { error: "Ange antingen body (ny text) eller resolved (true eller false)" },
);
export type CommentPatch = z.infer<typeof commentPatchSchema>;

export const commentSchema = z.object({
  id: idSchema,
  body: z.string(),
  author: personSchema,
  createdAt: dateTimeSchema,
  editedAt: dateTimeSchema.nullable(),
  deleted: z.boolean(),
});
export type CommentView = z.infer<typeof commentSchema>;

/** A thread's proposed replacement for its quoted passage, and how it was decided. */
export const suggestionSchema = z.object({
  proposedText: z.string(),
  /** null while open; decided by `resolvedBy` at `resolvedAt`. */
  outcome: z.enum(["accepted", "rejected"]).nullable(),
  reason: z.string().nullable(),
});
export type SuggestionView = z.infer<typeof suggestionSchema>;

export const threadSchema = commentSchema.extend({
  sectionKey: z.string(),
  /** base64 of Y.encodeRelativePosition. */
  anchor: z.object({ start: z.string(), end: z.string() }),
  quote: z.string(),
  resolved: z.boolean(),
  resolvedAt: dateTimeSchema.nullable(),
  resolvedBy: personSchema.nullable(),
  /** Set when the thread proposes a replacement for the quoted passage. */
  suggestion: suggestionSchema.nullable(),
  replies: z.array(commentSchema),
});
export type ThreadView = z.infer<typeof threadSchema>;

/** GET /api/statements/:id/comments */
export const threadListSchema = z.object({ threads: z.array(threadSchema) });
export type ThreadList = z.infer<typeof threadListSchema>;
