import { and, asc, eq, isNull } from "drizzle-orm";
import { expect, vi } from "vitest";
import type { SectionWorkflow, StatementWorkflow } from "../../contracts/statements";
import type { Database } from "../../db/client";
import { type AuditView, listAuditEvents } from "../../db/queries/audit";
import type { SessionUser } from "../../db/queries/users";
import { sectionApprovals, sections, units } from "../../db/schema";
import { loadDocument } from "../../server/collab/document-store";
import { createNewStatement } from "../../workflow/new-statement";
import { approve } from "../../workflow/sign-off";
import { loadStatementWorkflow } from "../../workflow/statement-workflow";
import { type TestClient, waitForAwareness } from "./clients";
import { insertAtStart, sectionText } from "./document";
import type { CollabFixture } from "./fixture";
import { AVDELNING_SECTIONS } from "./sections";
import { WAIT } from "./wait";
import {
  AVDELNINGSCHEF,
  ENHETSCHEF_BOU,
  ENHETSCHEF_EB,
  expectOk,
  HANDLAGGARE_BOU,
  sessionUserOf,
  YTTRANDE,
} from "./workflow";

export type ApprovalRow = typeof sectionApprovals.$inferSelect;

/**
 * The database, except that `before` runs once, ahead of the first transaction started while `when`
 * holds: a concurrent change lands at an exact point of a workflow call, with no timing involved.
 */
export function gateTransaction(
  database: Database,
  before: () => Promise<unknown>,
  when: () => Promise<boolean> = async () => true,
): Database & { readonly opened: boolean } {
  let opened = false;
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property === "opened") return opened;
      if (property !== "transaction") return Reflect.get(target, property, receiver);
      return async (...args: Parameters<typeof target.transaction>) => {
        if (!opened && (await when())) {
          opened = true;
          await before();
        }
        return target.transaction(...args);
      };
    },
  }) as Database & { readonly opened: boolean };
}

/** Sign-off helpers bound to a collaboration fixture: its database and its seed statement. */
export function signOffHelpers(collab: CollabFixture) {
  const db = (): Database => collab.database.connection.db;
  const seed = () => collab.database.seedStatementId;

  const helpers = {
    db,
    seed,
    user: (email: string): Promise<SessionUser> => sessionUserOf(collab, email),
    async workflow(email: string, statementId = seed()): Promise<StatementWorkflow> {
      const lookup = await loadStatementWorkflow(db(), await helpers.user(email), statementId);
      if (!lookup.found) throw new Error(`${email} cannot see ${statementId}: ${lookup.kind}`);
      return lookup.workflow;
    },
    async section(key: string, statementId = seed(), email = HANDLAGGARE_BOU): Promise<SectionWorkflow> {
      const section = (await helpers.workflow(email, statementId)).sections.find(
        (candidate) => candidate.key === key,
      );
      if (!section) throw new Error(`No section ${key}`);
      return section;
    },
    /** The hash the server holds for the section's current content: what an approval must name. */
    async currentHash(key: string, statementId = seed()): Promise<string> {
      return (await helpers.section(key, statementId)).contentHash;
    },
    /** Every approval row of a section, in force or ended, oldest first. */
    async approvalRows(key: string, statementId = seed()): Promise<ApprovalRow[]> {
      const rows = await db()
        .select({ approval: sectionApprovals })
        .from(sectionApprovals)
        .innerJoin(sections, eq(sections.id, sectionApprovals.sectionId))
        .where(and(eq(sections.statementId, statementId), eq(sections.key, key)))
        .orderBy(asc(sectionApprovals.createdAt), asc(sectionApprovals.endedAt));
      return rows.map((row) => row.approval);
    },
    async activeRows(key: string, statementId = seed()): Promise<ApprovalRow[]> {
      return (await helpers.approvalRows(key, statementId)).filter((row) => row.endedAt === null);
    },
    async audit(action?: string, statementId = seed()): Promise<AuditView[]> {
      const events = await listAuditEvents(db(), statementId);
      return action ? events.filter((event) => event.action === action) : events;
    },
    /** Polls the database (no fixed sleep) until the section's approvals in force are all stale or all fresh. */
    async waitForStaleness(key: string, stale: boolean, count: number): Promise<ApprovalRow[]> {
      let rows: ApprovalRow[] = [];
      await vi.waitFor(async () => {
        rows = await helpers.activeRows(key);
        expect(rows.map((row) => row.staleSince !== null)).toEqual(Array(count).fill(stale));
      }, WAIT);
      return rows;
    },
    /** A new statement of the seed's organisation prepared by the given enheter only. */
    async statementPreparedBy(unitNames: string[]): Promise<string> {
      const creator = await helpers.user(HANDLAGGARE_BOU);
      const rows = await db().select().from(units).where(eq(units.organisationId, creator.organisationId));
      const preparingUnitIds = unitNames.map((name) => {
        const unit = rows.find((row) => row.name === name);
        if (!unit) throw new Error(`No unit ${name}`);
        return unit.id;
      });
      return createNewStatement(db(), {
        organisationId: creator.organisationId,
        createdBy: creator.id,
        input: {
          recipient: "Hässelby-Vällingby stadsdelsnämnd",
          title: "Remiss om fritidsgårdar",
          diarienummer: null,
          remissSender: null,
          deadline: null,
          extendedDeadline: null,
          preparingUnitIds,
        },
      });
    },
    /** Approves with the current hash and checks it succeeded. */
    async approveNow(email: string, key: string, statementId = seed()): Promise<string> {
      const hash = await helpers.currentHash(key, statementId);
      expectOk(await approve(db(), await helpers.user(email), statementId, key, hash));
      return hash;
    },
    async approveEverySection(): Promise<void> {
      await helpers.approveNow(ENHETSCHEF_BOU, YTTRANDE);
      await helpers.approveNow(ENHETSCHEF_EB, YTTRANDE);
      for (const key of AVDELNING_SECTIONS) await helpers.approveNow(AVDELNINGSCHEF, key);
    },
    /**
     * The writer's edit of Bakgrund reaches neither the observer nor the database. The presence
     * change sent after it on the same socket is the barrier: once the observer has it, a forwarded
     * edit would have arrived.
     */
    async expectEditDropped(writer: TestClient, observer: TestClient): Promise<void> {
      const before = sectionText(observer.doc, "bakgrund");
      insertAtStart(writer.doc, "bakgrund", "EFTER JUSTERING ");
      const anchor = Math.random();
      writer.provider.awareness.setLocalStateField("cursor", { section: "bakgrund", anchor });
      await waitForAwareness(
        observer.provider.awareness,
        () => observer.provider.awareness.getStates().get(writer.doc.clientID)?.cursor?.anchor === anchor,
      );
      expect(sectionText(observer.doc, "bakgrund")).toBe(before);
      await collab.server.collab.flush();
      expect(sectionText(await loadDocument(db(), seed()), "bakgrund")).toBe(before);
    },
    /** Approval rows in force per requirement; the database allows at most one. */
    async activeCountsByRequirement(key: string): Promise<number[]> {
      const rows = await db()
        .select({ requirementId: sectionApprovals.requirementId })
        .from(sectionApprovals)
        .innerJoin(sections, eq(sections.id, sectionApprovals.sectionId))
        .where(
          and(eq(sections.statementId, seed()), eq(sections.key, key), isNull(sectionApprovals.endedAt)),
        );
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.requirementId, (counts.get(row.requirementId) ?? 0) + 1);
      return [...counts.values()];
    },
  };
  return helpers;
}
