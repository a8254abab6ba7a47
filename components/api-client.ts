"use client";

import type { z } from "zod";
import { type CommentPatch, type NewThread, threadListSchema } from "@/contracts/comments";
import { createdSchema } from "@/contracts/common";
import { approvalGrantedSchema, finalisedSchema, revokedSchema } from "@/contracts/sign-off";
import {
  type StatementDetailsPatchInput,
  statementDetailsResponseSchema,
} from "@/contracts/statement-details";
import { type DocxUpload, docxImportPreviewSchema } from "@/contracts/statement-import";
import { statementWorkflowSchema } from "@/contracts/statements";
import type { NewSuggestion, SuggestionDecision } from "@/contracts/suggestions";

/** A parsed answer, or the refusal with the server's own message (status 0: the server was not reached). */
export type ApiAnswer<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; error: string; body: Record<string, unknown> };

const UNREACHABLE = "Servern kunde inte nås. Försök igen.";
const UNEXPECTED = "Servern svarade oväntat. Ladda om sidan.";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function request<S extends z.ZodType>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  schema: S,
  body?: unknown,
): Promise<ApiAnswer<z.output<S>>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      cache: "no-store",
      // Every state-changing request is JSON, even a bodiless one, so a CSRF gate can require it.
      headers: method === "GET" ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: UNREACHABLE, body: {} };
  }
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const record = isRecord(answer) ? answer : {};
    const error = typeof record.error === "string" ? record.error : `Något gick fel (${response.status}).`;
    return { ok: false, status: response.status, error, body: record };
  }
  const parsed = schema.safeParse(answer);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, status: response.status, error: UNEXPECTED, body: {} };
}

export const statementUrl = (id: string) => `/api/statements/${id}`;
const commentsUrl = (id: string) => `${statementUrl(id)}/comments`;
const approvalsUrl = (id: string, key: string) =>
  `${statementUrl(id)}/sections/${encodeURIComponent(key)}/approvals`;

/** The browser's one client of the HTTP API; every answer is parsed with its contract. */
export const api = {
  statement: (id: string) => request("GET", statementUrl(id), statementWorkflowSchema),
  threads: (id: string) => request("GET", commentsUrl(id), threadListSchema),
  /** The form's raw values: the server validates them and answers with one message per field. */
  createStatement: (input: Record<string, unknown>) =>
    request("POST", "/api/statements", createdSchema, input),
  startThread: (id: string, thread: NewThread) => request("POST", commentsUrl(id), createdSchema, thread),
  reply: (id: string, commentId: string, body: string) =>
    request("POST", `${commentsUrl(id)}/${commentId}/replies`, createdSchema, { body }),
  updateComment: (id: string, commentId: string, patch: CommentPatch) =>
    request("PATCH", `${commentsUrl(id)}/${commentId}`, createdSchema, patch),
  deleteComment: (id: string, commentId: string) =>
    request("DELETE", `${commentsUrl(id)}/${commentId}`, createdSchema),
  approve: (id: string, key: string, contentHash: string) =>
    request("POST", approvalsUrl(id, key), approvalGrantedSchema, { contentHash }),
  revoke: (id: string, key: string) => request("DELETE", approvalsUrl(id, key), revokedSchema),
  startSuggestion: (id: string, suggestion: NewSuggestion) =>
    request("POST", `${statementUrl(id)}/suggestions`, createdSchema, suggestion),
  decideSuggestion: (id: string, suggestionId: string, decision: SuggestionDecision) =>
    request("POST", `${statementUrl(id)}/suggestions/${suggestionId}`, createdSchema, decision),
  finalise: (id: string) => request("POST", `${statementUrl(id)}/finalise`, finalisedSchema),
  updateDetails: (id: string, patch: StatementDetailsPatchInput) =>
    request("PATCH", `${statementUrl(id)}/details`, statementDetailsResponseSchema, patch),
  /** Reads a Word file on the server; nothing is stored. */
  previewImport: (file: DocxUpload) =>
    request("POST", "/api/statements/import/preview", docxImportPreviewSchema, { file }),
  /** Creates a statement from a Word file and the form's raw values. */
  importStatement: (file: DocxUpload, statement: Record<string, unknown>) =>
    request("POST", "/api/statements/import", createdSchema, { file, statement }),
};

/** The message to show for an answer, or null when it succeeded. */
export function problemOf(answer: ApiAnswer<unknown>): string | null {
  return answer.ok ? null : answer.error;
}
