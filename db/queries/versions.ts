import { and, asc, desc, eq, ne } from "drizzle-orm";
import type * as Y from "yjs";
import type { Database } from "../client";
import { sections as sectionsTable, statementVersions, users } from "../schema";
import { type ChainLink, encodeVersionState, rebuildVersionDoc, type StoredState } from "../version-chain";

export type VersionKind = (typeof statementVersions.$inferSelect)["kind"];

/** A section as a version froze it (the final version's shape). */
export interface VersionSection {
  key: string;
  title: string;
  contentHash: string;
  content: unknown;
  text: string;
}

/** The live document as read at one moment: its whole state and each section. */
export interface CapturedState {
  /** The whole Y.Doc state, in Yjs' V2 update format. */
  documentStateV2: Uint8Array;
  sections: { key: string; hash: string; content: unknown; text: string }[];
}

export interface NewVersion {
  statementId: string;
  kind: Exclude<VersionKind, "final">;
  name?: string | null;
  note?: string | null;
  captured: CapturedState;
  createdBy: string | null;
}

export interface VersionSummary {
  id: string;
  kind: VersionKind;
  name: string | null;
  note: string | null;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
}

export interface StoredVersion extends VersionSummary {
  statementId: string;
  sections: VersionSection[];
}

/** The statement's latest non-final version, which a new version's state is a diff against. */
async function latestChainLink(db: Database, statementId: string): Promise<ChainLink | null> {
  const [row] = await db
    .select({
      id: statementVersions.id,
      stateVector: statementVersions.stateVector,
      chainDepth: statementVersions.chainDepth,
      chainBytes: statementVersions.chainBytes,
    })
    .from(statementVersions)
    .where(and(eq(statementVersions.statementId, statementId), ne(statementVersions.kind, "final")))
    .orderBy(desc(statementVersions.createdAt), desc(statementVersions.id))
    .limit(1);
  return row ?? null;
}

/** Stores a version of the captured state, with the sections' titles as they are now. */
export async function insertVersion(db: Database, version: NewVersion): Promise<string> {
  const titles = await db
    .select({ key: sectionsTable.key, title: sectionsTable.title })
    .from(sectionsTable)
    .where(eq(sectionsTable.statementId, version.statementId))
    .orderBy(asc(sectionsTable.position));
  const titleOf = new Map(titles.map((row) => [row.key, row.title]));
  const sections: VersionSection[] = version.captured.sections.map((section) => ({
    key: section.key,
    title: titleOf.get(section.key) ?? section.key,
    contentHash: section.hash,
    content: section.content,
    text: section.text,
  }));
  const stored = encodeVersionState(
    version.captured.documentStateV2,
    await latestChainLink(db, version.statementId),
  );
  const [row] = await db
    .insert(statementVersions)
    .values({
      statementId: version.statementId,
      kind: version.kind,
      name: version.name ?? null,
      note: version.note ?? null,
      documentState: stored.state,
      encoding: 2,
      baseVersionId: stored.baseVersionId,
      stateVector: stored.stateVector,
      chainDepth: stored.chainDepth,
      chainBytes: stored.chainBytes,
      sections,
      createdBy: version.createdBy,
    })
    .returning({ id: statementVersions.id });
  if (!row) throw new Error("Version not stored");
  return row.id;
}

const summaryColumns = {
  id: statementVersions.id,
  kind: statementVersions.kind,
  name: statementVersions.name,
  note: statementVersions.note,
  createdAt: statementVersions.createdAt,
  creatorId: users.id,
  creatorName: users.name,
};

function toSummary(row: {
  id: string;
  kind: VersionKind;
  name: string | null;
  note: string | null;
  createdAt: Date;
  creatorId: string | null;
  creatorName: string | null;
}): VersionSummary {
  const { creatorId, creatorName, ...rest } = row;
  return { ...rest, createdBy: creatorId && creatorName ? { id: creatorId, name: creatorName } : null };
}

/** The statement's versions, newest first. */
export async function listVersions(db: Database, statementId: string): Promise<VersionSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(statementVersions)
    .leftJoin(users, eq(users.id, statementVersions.createdBy))
    .where(eq(statementVersions.statementId, statementId))
    .orderBy(desc(statementVersions.createdAt), desc(statementVersions.id));
  return rows.map(toSummary);
}

/** One version of the statement, or null when the statement has no such version. */
export async function loadVersion(
  db: Database,
  statementId: string,
  versionId: string,
): Promise<StoredVersion | null> {
  const [row] = await db
    .select({
      ...summaryColumns,
      statementId: statementVersions.statementId,
      sections: statementVersions.sections,
    })
    .from(statementVersions)
    .leftJoin(users, eq(users.id, statementVersions.createdBy))
    .where(and(eq(statementVersions.statementId, statementId), eq(statementVersions.id, versionId)));
  if (!row) return null;
  const { statementId: statement, sections, ...summary } = row;
  return { ...toSummary(summary), statementId: statement, sections: sections as VersionSection[] };
}

/** When the statement's latest version of the kind was taken, or null. */
export async function latestVersionAt(
  db: Database,
  statementId: string,
  kind: VersionKind,
): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: statementVersions.createdAt })
    .from(statementVersions)
    .where(and(eq(statementVersions.statementId, statementId), eq(statementVersions.kind, kind)))
    .orderBy(desc(statementVersions.createdAt))
    .limit(1);
  return row?.createdAt ?? null;
}

/** A version's Y.Doc, rebuilt from its whole state and the diffs after it; null when not found. */
export async function loadVersionDoc(
  db: Database,
  statementId: string,
  versionId: string,
): Promise<Y.Doc | null> {
  const chain: StoredState[] = [];
  let next: string | null = versionId;
  while (next) {
    const [row] = await db
      .select({
        state: statementVersions.documentState,
        encoding: statementVersions.encoding,
        base: statementVersions.baseVersionId,
      })
      .from(statementVersions)
      .where(and(eq(statementVersions.statementId, statementId), eq(statementVersions.id, next)));
    if (!row) return null;
    chain.unshift(row);
    next = row.base;
  }
  return rebuildVersionDoc(chain);
}
