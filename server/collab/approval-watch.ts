import type * as Y from "yjs";
import type { Database } from "../../db/client";
import { type ApprovalHash, loadApprovalHashes, recordStaleness } from "../../db/queries/approvals";
import { sectionHash } from "../../editor/section-hash";
import type { StatementEventBus } from "../../events/statement-events";
import type { RoomHooks } from "./hooks";
import type { Logger } from "./logger";
import { RELAYED_ORIGIN } from "./room";

export interface ApprovalWatchOptions {
  db: Database;
  logger: Logger;
  statementId: string;
  organisationId: string;
  sectionKeys: string[];
  /** Edits are checked in batches this long after the first one. */
  checkDelayMs: number;
  events: StatementEventBus;
}

/**
 * Watches a loaded statement's sections for edits that make an approval stale (or, by restoring
 * the approved text exactly, fresh again), records the change with who made it, and tells every
 * open page. Only sections with approvals in force are hashed, so typing elsewhere costs little.
 */
export class ApprovalWatch implements RoomHooks {
  private approvals: ApprovalHash[] = [];
  private readonly changed = new Map<string, Set<string>>();
  /** Sections last edited on another node and relayed here: their transitions are that node's to record. */
  private readonly relayedEdits = new Set<string>();
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
    this.unsubscribe = options.events.subscribe(options.statementId, (event) => {
      // An approval is written after its text was read, and reaches this watch later still: an edit
      // in between found no approval to check. So every section with approvals is compared anew,
      // except those edited on another node, which that node compares and credits to the editor.
      if (event.kind === "approvals") this.enqueue(() => this.check(true));
    });
  }

  /**
   * Loads the approvals in force and compares every approved section with the document as loaded:
   * an edit can reach the update log without its check having run (the process crashed, or stopped
   * with a check pending), and would otherwise leave a stale approval shown as fresh until the
   * section is edited again. Who made such an edit is not known here, so nobody is credited.
   */
  async onLoad(): Promise<void> {
    await this.reload();
    if (this.approvals.length > 0) this.enqueue(() => this.check(false, true));
  }

  private async reload(): Promise<void> {
    this.approvals = await loadApprovalHashes(this.options.db, this.options.statementId);
  }

  /**
   * Notes who edited the section. Edits of sections without approvals are noted too: an approval
   * of it may be in flight, and its editors are who made it stale; the check the approval's event
   * starts reads them. Only an edit of an approved section starts a check of its own: for the
   * others one would find nothing to compare, and a busy statement without approvals (the usual
   * draft) would run one every `checkDelayMs` for nothing. Edits relayed from another node are
   * that node's to check.
   */
  private onEdit(sectionKey: string, origin: unknown) {
    // Another node received that edit and checks it: recording it here too, or first, would credit nobody.
    if (origin === RELAYED_ORIGIN) {
      this.relayedEdits.add(sectionKey);
      return;
    }
    this.relayedEdits.delete(sectionKey);
    const editors = this.changed.get(sectionKey) ?? new Set<string>();
    const userId = (origin as { userId?: unknown } | null)?.userId;
    if (typeof userId === "string") editors.add(userId);
    this.changed.set(sectionKey, editors);
    if (!this.approvals.some((approval) => approval.sectionKey === sectionKey)) return;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.enqueue(() => this.check(false));
    }, this.options.checkDelayMs);
  }

  /** Runs checks one at a time; a failed one is logged and does not stop the later ones. */
  private enqueue(task: () => Promise<void>): void {
    this.checking = this.checking.then(task).catch((error: unknown) =>
      this.options.logger.error("staleness check failed", {
        statementId: this.options.statementId,
        error: String(error),
      }),
    );
  }

  /**
   * Checks the edited sections, and with `everyApproved` every section with approvals too, but
   * those last edited on another node; with `reload`, reloads the approvals first.
   */
  private async check(reload: boolean, everyApproved = reload): Promise<void> {
    if (reload) await this.reload();
    const keys = new Set(this.changed.keys());
    for (const { sectionKey } of everyApproved ? this.approvals : []) {
      if (!this.relayedEdits.has(sectionKey)) keys.add(sectionKey);
    }
    let anyChange = false;
    for (const sectionKey of keys) {
      const inForce = this.approvals.filter((approval) => approval.sectionKey === sectionKey);
      if (inForce.length === 0) {
        // Its editors are kept until the approvals are next reloaded: an approval may be on its way.
        if (reload) this.changed.delete(sectionKey);
        continue;
      }
      const editors = this.changed.get(sectionKey) ?? new Set<string>();
      this.changed.delete(sectionKey);
      const currentHash = sectionHash(this.doc.getXmlFragment(sectionKey));
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
      this.options.events.publish({ statementId: this.options.statementId, kind: "approvals" });
    }
  }

  onUnload(): Promise<void> {
    return this.stop();
  }

  /** Finishes pending checks (so nothing is lost at unload) and stops watching. */
  async stop(): Promise<void> {
    // First, so no check is queued behind the ones awaited here.
    this.unsubscribe();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.enqueue(() => this.check(false));
    }
    await this.checking;
    for (const unobserve of this.unobserve) unobserve();
  }
}
