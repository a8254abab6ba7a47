import type { z } from "zod";

export type Method = "get" | "post" | "patch" | "delete";

/** One status's answer: what it means and, unless it is `{error}`, its schema. */
export interface Answer {
  description: string;
  schema?: z.ZodType;
}

export interface Operation {
  summary: string;
  request?: z.ZodType;
  /** The query string's parameters. */
  query?: z.ZodObject;
  /** The 200 answer is a file of one of these media types, not JSON. */
  files?: readonly string[];
  /** Status → what the answer holds; refusals without a schema of their own carry `{error}`. */
  responses: Record<number, Answer>;
  /** The answer is a Server-Sent Events stream, not JSON. */
  eventStream?: boolean;
  /** Answered without a session. */
  public?: boolean;
}

export const refused = (description: string) => ({ description });
export const NOT_FOUND = refused("Okänt eller felformat id");
export const FORBIDDEN = refused("Användaren får inte göra detta");
export const FINALISED = refused("Tjänsteutlåtandet är justerat, eller innehållet har ändrats");
export const INVALID = refused("Ogiltig förfrågan");

/** The operations of some paths of the API, one file per area, gathered in openapi.ts. */
export type ApiRoutes = Record<string, Partial<Record<Method, Operation>>>;
