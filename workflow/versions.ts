import type { JSONContent } from "@tiptap/core";
import type { StatementWorkflow } from "../contracts/statements";
import type {
  NamedVersionRequest,
  ParagraphAuthor,
  ParagraphAuthorship,
  RestoredSectionBody,
  RestoredStatementBody,
  VersionDetailBody,
  VersionDiffBody,
  VersionSummaryBody,
} from "../contracts/versions";
import type { Database } from "../db/client";
import { recordAuditEvent } from "../db/queries/audit";
import { authorsOfClients } from "../db/queries/authors";
import type { SessionUser } from "../db/queries/users";
import {
  insertVersion,
  listVersions,
  loadVersion,
  type VersionSection,
  type VersionSummary,
} from "../db/queries/versions";
import { canEditStatementText } from "../domain/access";
import { presenceIdentityOf } from "../domain/presence";
import { diffParagraphs, diffWords } from "../domain/text-diff";
import { appServices } from "./app-services";
import { fail, readIfAllowed, type WorkflowResult } from "./result";
import { type ReadableWorkflow, readableWorkflow } from "./statement-workflow";

export const VERSION_NOT_FOUND = "Versionen finns inte";
const FINALISED_RESTORE = "Tjänsteutlåtandet är justerat; inget avsnitt kan återställas";
const BEFORE_RESTORE = "Före återställning av hela utlåtandet";
const FINALISED_NAME = "Tjänsteutlåtandet är justerat; dess slutliga version finns redan";

function summaryBody(version: VersionSummary): VersionSummaryBody {
  return { ...version, createdAt: version.createdAt.toISOString() };
}

/** The statement's versions, newest first. */
export function versionsOf(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<WorkflowResult<{ versions: VersionSummaryBody[] }>> {
  return readIfAllowed(db, user, statementId, async () => ({
    versions: (await listVersions(db, statementId)).map(summaryBody),
  }));
}

/** Stores the statement's current state as a named version by the user; resolves to its id. */
async function keepNamedVersion(
  db: Database,
  user: SessionUser,
  found: ReadableWorkflow,
  name: string,
  note: string | null,
): Promise<string> {
  const statementId = found.statement.id;
  const keys = found.workflow.sections.map((section) => section.key);
  const captured = await appServices().documents.capture(statementId, keys);
  return insertVersion(db, { statementId, kind: "named", name, note, captured, createdBy: user.id });
}

/** Names the statement's current state; any drafter (chefs included) may. */
export async function nameVersion(
  db: Database,
  user: SessionUser,
  statementId: string,
  request: NamedVersionRequest,
): Promise<WorkflowResult<VersionSummaryBody>> {
  const found = await readableWorkflow(db, user, statementId);
  if (!found.ok) return found;
  if (found.statement.status === "finalised") return fail("conflict", FINALISED_NAME);
  if (!canEditStatementText(user, found.statement)) {
    return fail("forbidden", "Endast handläggare och chefer kan namnge en version");
  }
  const id = await keepNamedVersion(db, user, found, request.name, request.note || null);
  const version = await loadVersion(db, statementId, id);
  if (!version) throw new Error("Stored version not found");
  return { ok: true, value: summaryBody(version) };
}

async function versionOf(db: Database, statementId: string, versionId: string) {
  return loadVersion(db, statementId, versionId);
}

export async function versionDetail(
  db: Database,
  user: SessionUser,
  statementId: string,
  versionId: string,
): Promise<WorkflowResult<VersionDetailBody>> {
  const found = await readableWorkflow(db, user, statementId);
  if (!found.ok) return found;
  const version = await versionOf(db, statementId, versionId);
  if (!version) return fail("not-found", VERSION_NOT_FOUND);
  const { sections, statementId: _statement, ...summary } = version;
  return {
    ok: true,
    value: {
      ...summaryBody(summary),
      sections: sections.map(({ key, title, contentHash, text }) => ({ key, title, contentHash, text })),
    },
  };
}

/** Per section, word by word; sections absent on one side count as empty there. */
function diffSections(
  from: Pick<VersionSection, "key" | "title" | "text">[],
  to: Pick<VersionSection, "key" | "title" | "text">[],
): VersionDiffBody["sections"] {
  const before = new Map(from.map((section) => [section.key, section]));
  const keys = [...new Set([...to.map((section) => section.key), ...from.map((section) => section.key)])];
  return keys.map((key) => {
    const after = to.find((section) => section.key === key);
    const earlier = before.get(key);
    const title = after?.title ?? earlier?.title ?? key;
    const oldText = earlier?.text ?? "";
    const newText = after?.text ?? "";
    const changed = oldText !== newText;
    return {
      key,
      title,
      changed,
      parts: changed ? diffWords(oldText, newText) : [],
      paragraphs: changed ? diffParagraphs(oldText, newText) : [],
    };
  });
}

/** The diff from version `fromId` to version `toId`, or to the current text when `toId` is "current". */
export async function diffVersions(
  db: Database,
  user: SessionUser,
  statementId: string,
  fromId: string,
  toId: string | "current",
): Promise<WorkflowResult<VersionDiffBody>> {
  const found = await readableWorkflow(db, user, statementId);
  if (!found.ok) return found;
  const from = await versionOf(db, statementId, fromId);
  if (!from) return fail("not-found", VERSION_NOT_FOUND);
  let to: Pick<VersionSection, "key" | "title" | "text">[];
  if (toId === "current") {
    const titles = new Map(found.workflow.sections.map((section) => [section.key, section.title]));
    const current = await appServices().documents.sections(statementId, [...titles.keys()]);
    to = current.map((section) => ({
      key: section.key,
      title: titles.get(section.key) ?? section.key,
      text: section.text,
    }));
  } else {
    const version = await versionOf(db, statementId, toId);
    if (!version) return fail("not-found", VERSION_NOT_FOUND);
    to = version.sections;
  }
  return { ok: true, value: { from: fromId, to: toId, sections: diffSections(from.sections, to) } };
}

type StoredVersion = NonNullable<Awaited<ReturnType<typeof versionOf>>>;

/**
 * Replaces the section's content with the version's, as an ordinary edit by the user through the
 * collaboration server, and audits it. False when the statement has been frozen meanwhile.
 */
async function applyRestore(
  db: Database,
  user: SessionUser,
  found: ReadableWorkflow,
  version: StoredVersion,
  stored: VersionSection,
  scope: "section" | "statement",
): Promise<boolean> {
  const statementId = found.statement.id;
  const content = stored.content as JSONContent;
  const applied = await appServices().documents.replaceSection(statementId, stored.key, content, user.id);
  if (!applied) return false;
  await recordAuditEvent(db, {
    organisationId: found.statement.organisationId,
    statementId,
    actorId: user.id,
    action: "section.restored",
    sectionKey: stored.key,
    details: { versionId: version.id, kind: version.kind, contentHash: stored.contentHash, scope },
  });
  return true;
}

/**
 * Restores a section's content from a version, as an ordinary edit by the user through the
 * collaboration server: connected clients see it live, and approvals go stale or fresh as the
 * approval watch finds. Only for users who may edit the section, and never after justering.
 */
export async function restoreSection(
  db: Database,
  user: SessionUser,
  statementId: string,
  sectionKey: string,
  versionId: string,
): Promise<WorkflowResult<RestoredSectionBody>> {
  const found = await readableWorkflow(db, user, statementId);
  if (!found.ok) return found;
  const section = found.workflow.sections.find((candidate) => candidate.key === sectionKey);
  if (!section) return fail("not-found", "Avsnittet finns inte");
  if (found.statement.status === "finalised") return fail("conflict", FINALISED_RESTORE);
  if (!section.editableByMe) return fail("forbidden", "Du får inte ändra texten i detta avsnitt");
  const version = await versionOf(db, statementId, versionId);
  if (!version) return fail("not-found", VERSION_NOT_FOUND);
  const stored = version.sections.find((candidate) => candidate.key === sectionKey);
  if (!stored) return fail("not-found", "Avsnittet finns inte i versionen");
  if (!(await applyRestore(db, user, found, version, stored, "section"))) {
    return fail("conflict", FINALISED_RESTORE);
  }
  return { ok: true, value: { sectionKey, versionId, contentHash: stored.contentHash } };
}

/** A chef is whoever approves at least one of the statement's sections; they may restore it whole. */
export function mayRestoreStatement(workflow: StatementWorkflow): boolean {
  return (
    workflow.status === "draft" && workflow.sections.some((section) => section.approvableByMe.length > 0)
  );
}

/**
 * Restores every section whose text differs from the version's, each as the chef's ordinary edit
 * (as `restoreSection` does), so that the whole statement reads as it did then.
 */
export async function restoreStatement(
  db: Database,
  user: SessionUser,
  statementId: string,
  versionId: string,
): Promise<WorkflowResult<RestoredStatementBody>> {
  const found = await readableWorkflow(db, user, statementId);
  if (!found.ok) return found;
  if (found.statement.status === "finalised") return fail("conflict", FINALISED_RESTORE);
  if (!mayRestoreStatement(found.workflow)) {
    return fail("forbidden", "Endast en chef som godkänner avsnitt i utlåtandet kan återställa hela det");
  }
  const version = await versionOf(db, statementId, versionId);
  if (!version) return fail("not-found", VERSION_NOT_FOUND);
  const changed = found.workflow.sections.flatMap((section) => {
    const stored = version.sections.find((candidate) => candidate.key === section.key);
    return stored && stored.contentHash !== section.contentHash ? [stored] : [];
  });
  // The text as it stood is kept as a version of its own, so the restore can itself be undone.
  if (changed.length > 0) await keepNamedVersion(db, user, found, BEFORE_RESTORE, null);
  const restored: RestoredStatementBody["sections"] = [];
  for (const stored of changed) {
    if (!(await applyRestore(db, user, found, version, stored, "statement"))) {
      return fail("conflict", FINALISED_RESTORE);
    }
    restored.push({ sectionKey: stored.key, contentHash: stored.contentHash });
  }
  return { ok: true, value: { versionId, sections: restored } };
}

/** For each paragraph of the current text, the users who wrote it (from the recorded client ids). */
export async function authorship(
  db: Database,
  user: SessionUser,
  statementId: string,
): Promise<WorkflowResult<ParagraphAuthorship>> {
  const found = await readableWorkflow(db, user, statementId);
  if (!found.ok) return found;
  const titles = new Map(found.workflow.sections.map((section) => [section.key, section.title]));
  const sections = await appServices().documents.paragraphs(statementId, [...titles.keys()]);
  const clientIds = [
    ...new Set(sections.flatMap((section) => section.paragraphs.flatMap((p) => p.clientIds))),
  ];
  const authors = await authorsOfClients(db, statementId, clientIds);
  return {
    ok: true,
    value: {
      sections: sections.map((section) => ({
        key: section.key,
        title: titles.get(section.key) ?? section.key,
        paragraphs: section.paragraphs.map((paragraph) => {
          const named = new Map<string, ParagraphAuthor>();
          for (const clientId of paragraph.clientIds) {
            const author = authors.get(clientId);
            if (!author) continue;
            const { unit, color } = presenceIdentityOf(author);
            named.set(author.id, { id: author.id, name: author.name, unit, color });
          }
          return { text: paragraph.text, authors: [...named.values()] };
        }),
      })),
    },
  };
}
