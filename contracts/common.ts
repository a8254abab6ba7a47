import { z } from "zod";

/** Ids in URLs and bodies: a malformed id is treated as an unknown one. */
export const idSchema = z.uuid();

export function isUuid(value: string): boolean {
  return idSchema.safeParse(value).success;
}

/** Standard base64, as anchors travel in JSON. */
export const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

/** Every refusal: HTTP status plus a Swedish message in `error`. */
export const errorSchema = z.object({ error: z.string() });
export type ApiError = z.infer<typeof errorSchema>;

/** A person as the API names them. */
export const personSchema = z.object({ id: idSchema, name: z.string() });
export type Person = z.infer<typeof personSchema>;

/** A unit of the organisation, by id and name. */
export const unitRefSchema = z.object({ id: idSchema, name: z.string() });
export type UnitRef = z.infer<typeof unitRefSchema>;

/** The answer to a request that creates something: the new id. */
export const createdSchema = z.object({ id: idSchema });
export type Created = z.infer<typeof createdSchema>;

const isoDateTime = z.string().meta({ format: "date-time" });
export const dateTimeSchema = isoDateTime;
export const isoDateSchema = z.string().meta({ format: "date" });
