import type * as Y from "yjs";
import type { Database } from "../../db/client";
import { type ApprovalHash, loadApprovalHashes, recordStaleness } from "../../db/queries/approvals";
import { sectionHash } from "../../editor/section-hash";
import { publishStatementEvent, subscribeToStatement } from "../../events/statement-events";
import type { Logger } from "./logger";

export interface ApprovalWatchOptions {
  db: Database;
  logger: Logger;
  statementId: string;
  organisationId: string;
  sectionKeys: string[];
  /** Edits are checked in batches this long after the first one. */
  checkDelayMs: number;
}

/**
 * Watches a loaded statement's sections for edits that make an approval stale (or, by restoring
 * the approved text exactly, fresh again), records the change with who made it, and tells every
 * open page. Only sections with approvals in force are hashed, so typing elsewhere costs nothing.
 */
export class ApprovalWatch {
  private approvals: ApprovalHash[] = [];
  private readonly changed = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private readonly unobserve: (() => void)[] = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: ApprovalWatchOptions,
  ) {
    for (const key of options.sectionKeys) {
      const fragment = doc.getXmlFragment(key);
      const observer = (_events: unknown, transaction: Y.Transaction) => this.onEdit(key, transaction.origin);
      fragment.observeDeep(observer);
      this.unobserve.push(() => fragment.unobserveDeep(observer));
    }
    this.unsubscribe = subscribeToStatement(options.statementId, (event) => {
      if (event.kind === "approvals") void this.reload();
    });
  }

  /** Loads the approvals in force; call once after construction and after they change. */
  async reload(): Promise<void> {
    this.approvals = await loadApprovalHashes(this.options.db, this.options.statementId);
  }

  private onEdit(sectionKey: string, origin: unknown) {
    if (!this.approvals.some((approval) => approval.sectionKey === sectionKey)) return;
    const editors = this.changed.get(sectionKey) ?? new Set<string>();
    const userId = (origin as { userId?: unknown } | null)?.userId;
    if (typeof userId === "string") editors.add(userId);
    this.changed.set(sectionKey, editors);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.checking = this.checking.then(() => this.check());
    }, this.options.checkDelayMs);
  }

  private async check(): Promise<void> {
    const batch = [...this.changed];
    this.changed.clear();
    let anyChange = false;
    for (const [sectionKey, editors] of batch) {
      const currentHash = sectionHash(this.doc.getXmlFragment(sectionKey));
      const inForce = this.approvals.filter((approval) => approval.sectionKey === sectionKey);
      const transition = inForce.some(
        (approval) => (approval.contentHash !== currentHash) !== approval.stale,
      );
      if (!transition) continue;
      try {
        anyChange =
          (await recordStaleness(this.options.db, {
            organisationId: this.options.organisationId,
            statementId: this.options.statementId,
            sectionKey,
            currentHash,
            changedBy: [...editors],
          })) || anyChange;
      } catch (error) {
        this.options.logger.error("staleness check failed", {
          statementId: this.options.statementId,
          sectionKey,
          error: String(error),
        });
      }
    }
    if (anyChange) {
      await this.reload();
      publishStatementEvent({ statementId: this.options.statementId, kind: "approvals" });
    }
  }

  /** Finishes pending checks (so nothing is lost at unload) and stops watching. */
  async stop(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.checking = this.checking.then(() => this.check());
    }
    await this.checking;
    this.unsubscribe();
    for (const unobserve of this.unobserve) unobserve();
  }
}
