import * as Y from "yjs";
import type { Database } from "../../db/client";
import { compactDocument, latestUpdateId, loadStoredDocument } from "../../db/queries/documents";
import { listSectionKeys } from "../../db/queries/statements";
import { type ContentRules, sectionContentRules } from "../../editor/content-rules";
import { rebuildDocument } from "./document-store";

/** What a repair removed from one statement's stored state. */
export interface RepairReport {
  /** Bytes of pending structs (their dependencies never arrived) that were dropped. */
  pendingStructBytes: number;
  /** Bytes of pending deletions (of structs nobody has) that were dropped. */
  pendingDeleteBytes: number;
  /** Root types that are not sections, whose content was deleted. */
  foreignRoots: string[];
  /** Top-level items of sections that the editor's schema does not allow, deleted. */
  invalidSectionItems: number;
}

/** Deletes the type's children and attributes that `keep` does not keep; how many were deleted. */
function deleteAll(
  type: Pick<Y.AbstractType<Y.YEvent<never>>, "_start" | "_map">,
  transaction: Y.Transaction,
  keep: (item: Y.Item) => boolean,
) {
  let removed = 0;
  const remove = (item: Y.Item) => {
    if (item.deleted || keep(item)) return;
    item.delete(transaction);
    removed++;
  };
  for (let item = type._start; item !== null; item = item.right) remove(item);
  for (const item of type._map.values()) remove(item);
  return removed;
}

/**
 * Repairs a statement's document in place: drops pending structs and deletions that can never be
 * integrated, deletes the content of root types that are not sections, and deletes a section's
 * top-level items that are not a node of the editor's schema (a bare string, a map entry). Deleting
 * keeps every Yjs identity, so clients holding the old state merge into the repaired one.
 */
export function repairDocument(
  doc: Y.Doc,
  sectionKeys: ReadonlySet<string>,
  rules: ContentRules = sectionContentRules(),
): RepairReport {
  const report: RepairReport = {
    pendingStructBytes: doc.store.pendingStructs?.update.byteLength ?? 0,
    pendingDeleteBytes: doc.store.pendingDs?.byteLength ?? 0,
    foreignRoots: [],
    invalidSectionItems: 0,
  };
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  const isTopLevelNode = (item: Y.Item) =>
    item.parentSub === null &&
    item.content instanceof Y.ContentType &&
    item.content.type instanceof Y.XmlElement &&
    rules.topLevel.has(item.content.type.nodeName);
  doc.transact((transaction) => {
    for (const [key, type] of doc.share) {
      if (sectionKeys.has(key)) {
        report.invalidSectionItems += deleteAll(type, transaction, isTopLevelNode);
      } else if (deleteAll(type, transaction, () => false) > 0) report.foreignRoots.push(key);
    }
  });
  return report;
}

export function repairedAnything(report: RepairReport): boolean {
  return (
    report.pendingStructBytes + report.pendingDeleteBytes + report.invalidSectionItems > 0 ||
    report.foreignRoots.length > 0
  );
}

/**
 * Repairs one statement's stored state and, when anything was removed, stores it as a new snapshot
 * that replaces the update log. Run with the server stopped: a running one holds its own copy.
 */
export async function repairStoredStatement(db: Database, statementId: string): Promise<RepairReport> {
  const upTo = await latestUpdateId(db, statementId);
  const [stored, keys] = await Promise.all([
    loadStoredDocument(db, statementId),
    listSectionKeys(db, statementId),
  ]);
  const doc = rebuildDocument(stored);
  try {
    const report = repairDocument(doc, new Set(keys));
    if (repairedAnything(report)) {
      await compactDocument(db, statementId, { update: Y.encodeStateAsUpdate(doc), encoding: 1 }, upTo);
    }
    return report;
  } finally {
    doc.destroy();
  }
}
