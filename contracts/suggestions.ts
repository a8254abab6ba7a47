import { z } from "zod";
import { newThreadSchema } from "./comments";

export const SUGGESTION_TEXT_MAX = 10_000;

/** POST /api/statements/:id/suggestions: a replacement for the passage the anchor covers. */
export const newSuggestionSchema = newThreadSchema.omit({ body: true }).extend({
  proposedText: z
    .string()
    .max(SUGGESTION_TEXT_MAX, `Förslaget får vara högst ${SUGGESTION_TEXT_MAX} tecken.`)
    // Inserted as text into the passage's paragraph: no line breaks or other control characters.
    .refine(
      (text) => [...text].every((char) => (char.codePointAt(0) ?? 0) >= 0x20),
      "Förslaget ska vara text utan radbrytningar.",
    ),
  /** Why the change is proposed; optional. */
  body: z
    .string()
    .max(5000, "En motivering får vara högst 5000 tecken.")
    .transform((body) => body.replace(/\r\n?/g, "\n").trim())
    .optional(),
});

export type NewSuggestion = z.infer<typeof newSuggestionSchema>;

/** POST …/suggestions/:suggestionId: accept, or reject with an optional reason. */
export const suggestionDecisionSchema = z
  .object({
    decision: z.enum(["accept", "reject"], { error: 'Ange decision: "accept" eller "reject"' }),
    reason: z
      .string()
      .max(2000, "Motiveringen får vara högst 2000 tecken.")
      .transform((reason) => reason.trim())
      .optional(),
  })
  .strict();

export type SuggestionDecision = z.input<typeof suggestionDecisionSchema>;
