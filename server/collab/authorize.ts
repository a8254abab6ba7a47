import type { IncomingMessage } from "node:http";
import { isSessionActive } from "../../auth/session-check";
import { sessionClaimsFromCookies } from "../../auth/session-cookie";
import { isUuid } from "../../contracts/common";
import type { Database } from "../../db/client";
import { loadSessionUser, loadSessionUserAndStatement } from "../../db/queries/users";
import { canEditStatementText, canReadStatement } from "../../domain/access";
import { presenceIdentityOf } from "../../domain/presence";
import { CloseCode } from "./close-codes";
import type { ConnectionHooks, UpgradeDecision } from "./hooks";

const COLLAB_PATH = /^\/collab\/([^/?#]+)\/?$/;

export function isCollabPath(url: string | undefined): boolean {
  return COLLAB_PATH.test(new URL(url ?? "/", "http://localhost").pathname);
}

/** The id in the path, or "" when it is not valid percent-encoding (then no statement has it). */
function statementIdOf(url: string | undefined): string {
  const encoded = COLLAB_PATH.exec(new URL(url ?? "/", "http://localhost").pathname)?.[1] ?? "";
  try {
    return decodeURIComponent(encoded);
  } catch {
    return "";
  }
}

/** Browsers always send Origin; a page of another site must not open a socket with our cookie. */
function isForeignOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/**
 * Decides, before the socket joins anything, who the client is (from the next-auth session
 * cookie, never from the client's word) and what it may do in the statement it asks for.
 */
export async function authorizeUpgrade(
  request: IncomingMessage,
  db: Database,
  authSecret: string,
): Promise<UpgradeDecision> {
  const statementId = statementIdOf(request.url);
  if (isForeignOrigin(request)) return { ok: false, code: CloseCode.forbidden, reason: "Foreign origin" };
  const claims = await sessionClaimsFromCookies(request.headers.cookie, authSecret);
  if (!claims || !(await isSessionActive(db, claims.sessionId))) {
    return { ok: false, code: CloseCode.unauthenticated, reason: "Not signed in" };
  }
  const { userId, sessionId } = claims;
  const facts = isUuid(statementId)
    ? await loadSessionUserAndStatement(db, userId, statementId)
    : await loadSessionUser(db, userId).then((found) => found && { user: found, statement: null });
  if (!facts) return { ok: false, code: CloseCode.unauthenticated, reason: "Not signed in" };
  const { user, statement } = facts;
  if (!statement) return { ok: false, code: CloseCode.unknownStatement, reason: "Unknown statement" };
  if (!canReadStatement(user, statement)) {
    return { ok: false, code: CloseCode.forbidden, reason: "No access to this statement" };
  }
  return {
    ok: true,
    statementId,
    sessionId,
    identity: {
      userId: user.id,
      actor: user,
      canWrite: canEditStatementText(user, statement),
      presence: presenceIdentityOf(user),
    },
  };
}

/** The first connection hook: admits a client by its session cookie (see authorizeUpgrade). */
export function sessionAuthorization(db: Database, authSecret: string): ConnectionHooks {
  return { onUpgrade: (request) => authorizeUpgrade(request, db, authSecret) };
}
