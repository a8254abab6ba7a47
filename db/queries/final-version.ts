import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { organisations, statementVersions } from "../schema";

export interface FinalSection {
  key: string;
  title: string;
  contentHash: string;
  content: JSONContent;
  text: string;
}

export interface FinalVersionView {
  sections: FinalSection[];
  /** "sha256:…" of the frozen Y.Doc state: names exactly this version. */
  checksum: string;
}

/** The frozen final version of a justerad statement, or null before justering. */
export async function loadFinalVersion(db: Database, statementId: string): Promise<FinalVersionView | null> {
  const [row] = await db
    .select({ sections: statementVersions.sections, documentState: statementVersions.documentState })
    .from(statementVersions)
    .where(and(eq(statementVersions.statementId, statementId), eq(statementVersions.kind, "final")));
  if (!row) return null;
  return {
    sections: row.sections as FinalSection[],
    checksum: `sha256:${createHash("sha256").update(row.documentState).digest("hex")}`,
  };
}

export async function organisationName(db: Database, organisationId: string): Promise<string> {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.name ?? "";
}
