import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser } from "@/auth/current-user";
import { isUuid } from "@/contracts/common";
import type { Database } from "@/db/client";
import type { SessionUser } from "@/db/queries/users";
import { hasAnyRole } from "@/domain/access";
import { FORBIDDEN_TEXT_MESSAGE, hasForbiddenText } from "@/domain/text-safety";
import { getDb } from "@/workflow/app-services";
import type { FailureKind, WorkflowResult } from "@/workflow/result";

export function jsonError(status: number, message: string): NextResponse {
  return NextResponse.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}

export const NO_ROLE_MESSAGE = "Ditt konto har ingen roll i Beredning ännu";

/** Runs an API handler for a signed-in user; 401 without a session, 403 for an account without any role. */
export async function withUser<R extends Response>(
  handler: (user: SessionUser) => Promise<R>,
): Promise<R | NextResponse> {
  const user = await currentUser();
  if (!user) return jsonError(401, "Inloggning krävs");
  if (!hasAnyRole(user)) return jsonError(403, NO_ROLE_MESSAGE);
  return handler(user);
}

/**
 * Runs a handler of a route under /api/statements/:id for a signed-in user. Ids in the path (`id`,
 * `…Id`) are checked before they reach a query: a malformed id is an unknown one, so a 404.
 */
export function withPathIds<P extends Record<string, string>>(
  context: { params: Promise<P> },
  notFound: string,
  handler: (user: SessionUser, params: P) => Promise<Response>,
): Promise<Response> {
  return withUser(async (user) => {
    const params = await context.params;
    const ids = Object.entries(params).filter(([name]) => name === "id" || name.endsWith("Id"));
    if (!ids.every(([, value]) => isUuid(value))) return jsonError(404, notFound);
    return handler(user, params);
  });
}

/** The request's JSON body, or undefined when it has none; a malformed body is a 400. */
export async function readJsonBody(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: NextResponse }> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, body: undefined };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "Förfrågan är inte giltig JSON") };
  }
  if (hasForbiddenText(body)) return { ok: false, response: jsonError(400, FORBIDDEN_TEXT_MESSAGE) };
  return { ok: true, body };
}

/** Parses a JSON body with a schema; the first problem becomes a 400 with a readable message. */
export async function parseJsonBody<T>(
  request: Request,
  schema: z.ZodType<T>,
): Promise<{ ok: true; data: T } | { ok: false; response: NextResponse }> {
  const read = await readJsonBody(request);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return {
    ok: false,
    response: jsonError(400, `Ogiltig förfrågan: ${where}${issue?.message ?? "okänt fel"}`),
  };
}

const HTTP_STATUS: Record<FailureKind, number> = {
  invalid: 400,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  unavailable: 503,
};

/** The one mapping of a use case's result to HTTP: its value, or its failure kind's status. */
export function workflowResponse<T>(result: WorkflowResult<T>, successStatus = 200): NextResponse {
  if (result.ok) return json(result.value, successStatus);
  const details = typeof result.details === "object" && result.details !== null ? result.details : {};
  return json({ error: result.error, ...details }, HTTP_STATUS[result.kind]);
}

/** A use case as a route runs it: with the database, the user and what the request carries. */
type UseCase<A extends unknown[], T> = (
  db: Database,
  user: SessionUser,
  ...args: A
) => Promise<WorkflowResult<T>>;

/** The contract of a body its use case validates itself, as the administration does after its 403. */
export const bodyCheckedByUseCase: z.ZodType<unknown> = z.unknown();

/** A route without path ids or body: the session, then the use case (given the request), whose result is the answer. */
export function userRoute<T>(run: UseCase<[Request], T>) {
  return (request: Request) =>
    withUser(async (user) => workflowResponse(await run(await getDb(), user, request)));
}

/**
 * A POST/PATCH route without path ids: the session, then the JSON body its contract validates
 * (a 400 when it fails), then the use case, whose result is the answer.
 */
export function bodyRoute<B, T>(schema: z.ZodType<B>, run: UseCase<[B], T>, successStatus = 200) {
  return (request: Request) =>
    withUser(async (user) => {
      const parsed = await parseJsonBody(request, schema);
      if (!parsed.ok) return parsed.response;
      return workflowResponse(await run(await getDb(), user, parsed.data), successStatus);
    });
}

/**
 * The handlers of a route under dynamic segments (`P`: its path parameters). Each checks the
 * session and the path's ids (`notFound` when one is malformed), then runs one use case.
 */
export function pathRoute<P extends Record<string, string>>(notFound: string) {
  type Context = { params: Promise<P> };
  return {
    /** A handler without a body. */
    handle<T>(run: UseCase<[P], T>, successStatus = 200) {
      return (_request: Request, context: Context) =>
        withPathIds(context, notFound, async (user, params) =>
          workflowResponse(await run(await getDb(), user, params), successStatus),
        );
    },
    /** A handler of a JSON body its contract validates; a body that fails it is a 400. */
    withBody<B, T>(schema: z.ZodType<B>, run: UseCase<[P, B], T>, successStatus = 200) {
      return (request: Request, context: Context) =>
        withPathIds(context, notFound, async (user, params) => {
          const parsed = await parseJsonBody(request, schema);
          if (!parsed.ok) return parsed.response;
          return workflowResponse(await run(await getDb(), user, params, parsed.data), successStatus);
        });
    },
  };
}
