import { z } from "zod";

/** Ids in URLs and bodies: a malformed id is treated as an unknown one. */
export const idSchema = z.uuid();

export function isUuid(value: string): boolean {
  return idSchema.safeParse(value).success;
}

/** Every refusal: HTTP status plus a Swedish message in `error`. */
export const errorSchema = z.object({ error: z.string() }).meta({ id: "Error" });
export type ApiError = z.infer<typeof errorSchema>;
